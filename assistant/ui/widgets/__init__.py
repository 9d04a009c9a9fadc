"""Small reusable widgets; none of them knows about flows or sessions."""
