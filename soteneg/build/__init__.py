"""Making the output: the steps of one build (run), what they answer (results), the
build cache and its data-only codec, units of work and their fingerprints, the bodies
of documents finished for a site, the render pool, printing jobs, the staged files and
the output folder."""
