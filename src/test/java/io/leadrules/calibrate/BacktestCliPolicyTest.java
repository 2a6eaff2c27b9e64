package io.leadrules.calibrate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The backtest command line compiles its --rules folder strictly unless told the folder is trusted. */
class BacktestCliPolicyTest {

    private static final String[] ARGS = {"--rules", "src/test/resources/drl/policy/open",
            "--mapping", "src/test/resources/calibration/small.yaml", "--csv", "src/test/resources/calibration/small.csv"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... extra) {
        String[] args = new String[ARGS.length + extra.length];
        System.arraycopy(ARGS, 0, args, 0, ARGS.length);
        System.arraycopy(extra, 0, args, ARGS.length, extra.length);
        return BacktestCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void refusesAFolderWithAFunctionByDefault() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fit.drl:8:1:")
                .contains("function \"perThousandEmployees\" is not allowed");
    }

    @Test
    void backtestsTheSameFolderWhenItIsDeclaredTrusted() {
        assertThat(run("--policy", "open")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ROC AUC");
    }

    @Test
    void saysSoInItsHelpAndRefusesAnUnknownPolicy() {
        assertThat(BacktestCli.run(new String[]{"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--policy=<policy>").contains("strict")
                .contains("open");
        assertThat(run("--policy", "loose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--policy").contains("loose")
                .contains("strict, open");
    }
}
