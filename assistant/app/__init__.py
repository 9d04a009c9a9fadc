"""Qt-free models the UI observes: the flow being walked (`session`) and the support email under review (`review`)."""
