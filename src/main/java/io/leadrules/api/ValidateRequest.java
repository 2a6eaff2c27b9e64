package io.leadrules.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * Body of {@code POST /rules/validate}. {@code files} omitted: the rules folder's files. {@code scenarios}
 * omitted: the folder's scenarios ({@code rules/tests/}); {@code []} runs none. Each scenario is either a
 * scenario object or {@code {"path": "...", "content": "<YAML text>"}}.
 */
public record ValidateRequest(List<@NotNull(message = "must not be null") @Valid FileInput> files,
                              List<@NotNull(message = "must not be null") JsonNode> scenarios) {

    public record FileInput(
            @NotBlank(message = "is required")
            @Pattern(regexp = "^(?!/)(?!.*\\.\\.)[\\w ./-]+\\.drl$", message = "must be a relative path ending in .drl, without \"..\"")
            String path,
            @NotNull(message = "is required") String content) {
    }
}
