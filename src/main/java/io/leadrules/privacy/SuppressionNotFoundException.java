package io.leadrules.privacy;

/** No suppression for that id: its lead was never erased, or the suppression was lifted. */
public class SuppressionNotFoundException extends RuntimeException {

    public SuppressionNotFoundException() {
        // The id is not repeated: answers and logs of privacy requests carry none.
        super("No suppression for this id: its lead was never erased, or the suppression was lifted");
    }
}
