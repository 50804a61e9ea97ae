"""Making the output: the build cache and its data-only codec, units of work and
their fingerprints, the render pool, printing jobs, staging and the output folder."""
