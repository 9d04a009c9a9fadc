"""What a picture shows, read offline: text recognition, recovery-phrase pictures, fields from a screenshot."""
