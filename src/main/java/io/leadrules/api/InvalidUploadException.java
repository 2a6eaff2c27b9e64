package io.leadrules.api;

/** A file sent to the preview form that cannot be a candidate rule file (not .drl, not UTF-8, sent twice). */
public class InvalidUploadException extends RuntimeException {

    private final String file;

    public InvalidUploadException(String file, String message) {
        super(message);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
