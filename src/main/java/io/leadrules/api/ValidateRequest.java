package io.leadrules.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Body of {@code POST /rules/validate}. {@code files} omitted: the rules folder's files. {@code scenarios}
 * omitted: the folder's scenarios ({@code rules/tests/}); {@code []} runs none. Each scenario is either a
 * scenario object or {@code {"path": "...", "content": "<YAML text>"}}.
 */
public record ValidateRequest(@JsonAlias("rules") @JsonDeserialize(using = RuleFileInput.ListDeserializer.class)
                              List<@NotNull(message = "must not be null") @Valid RuleFileInput> files,
                              List<@NotNull(message = "must not be null") JsonNode> scenarios) {
}
