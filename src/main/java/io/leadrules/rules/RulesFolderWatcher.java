package io.leadrules.rules;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reloads the rules when a file in the rules folder (or its {@code tests/}) changes. Changes are debounced: an
 * editor that writes a temp file, renames it and touches the original causes one reload, run
 * {@code leadrules.rules.reload-debounce} after the last change. Off with {@code leadrules.rules.watch=false}.
 */
@Startup
@ApplicationScoped
public class RulesFolderWatcher {

    private static final Logger LOG = Logger.getLogger(RulesFolderWatcher.class);
    private static final long REPLACED_CHECK_MS = 1000;

    private final RulesetReloader reloader;
    private final RulesLifecycleConfig config;
    private final ScheduledExecutorService debouncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rules-reload");
        t.setDaemon(true);
        return t;
    });
    private WatchService watcher;
    private Thread thread;
    private ScheduledFuture<?> pending;
    /** The identity (inode) of the folder being watched: a folder replaced by a deploy has another. */
    private volatile Object watchedFolder;

    public RulesFolderWatcher(RulesetReloader reloader, RulesLifecycleConfig config) {
        this.reloader = reloader;
        this.config = config;
    }

    @PostConstruct
    void start() {
        if (!config.rules().watch()) {
            LOG.info("Not watching the rules folder (leadrules.rules.watch=false): use POST /rules/reload");
            return;
        }
        Path dir = Path.of(config.rules().dir()).toAbsolutePath();
        try {
            watcher = FileSystems.getDefault().newWatchService();
            registerTree(dir);
            watchedFolder = identity(dir);
        } catch (IOException e) {
            LOG.errorf(e, "Cannot watch %s; changes need POST /rules/reload", dir);
            return;
        }
        thread = new Thread(this::watch, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        // A watch follows the folder itself: after "mv rules rules.old; cp -r new rules" it would watch rules.old.
        debouncer.scheduleWithFixedDelay(() -> watchAgainIfReplaced(dir), REPLACED_CHECK_MS, REPLACED_CHECK_MS,
                TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s for rule changes (debounce %d ms)", dir, config.rules().reloadDebounce().toMillis());
    }

    @PreDestroy
    void stop() {
        debouncer.shutdownNow();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch service failed", e);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        Path created = dir.resolve((Path) event.context());
                        if (Files.isDirectory(created)) {
                            registerTree(created);
                        }
                    }
                }
                key.reset();
                scheduleReload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // shutting down
        } catch (IOException e) {
            LOG.errorf(e, "Stopped watching the rules folder; changes need POST /rules/reload");
        }
    }

    /** Each change pushes the reload back, so a burst of changes ends in one reload. */
    private synchronized void scheduleReload() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = debouncer.schedule(this::reload, config.rules().reloadDebounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        try {
            reloader.reloadFolder(RulesetReloader.FOLDER);
        } catch (RulesetRejectedException e) {
            // Already logged and recorded for /rules/status by the reloader.
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reloading the rules folder failed");
        }
    }

    /** Watches the folder again (and reloads) when the path now names another folder than the one watched. */
    private void watchAgainIfReplaced(Path dir) {
        Object now = identity(dir);
        if (now == null || now.equals(watchedFolder)) {
            return;
        }
        try {
            registerTree(dir);
            watchedFolder = now;
            LOG.infof("The rules folder %s was replaced: watching the new one", dir);
            scheduleReload();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The rules folder %s was replaced and cannot be watched yet: %s", dir, e.getMessage());
        }
    }

    private static Object identity(Path dir) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class);
            return attributes.isDirectory() ? attributes.fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
