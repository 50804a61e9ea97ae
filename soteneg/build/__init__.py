"""Making the output: the steps of one build (run), what a build is asked for (settings)
and what it answers (results), the build cache as one layer (cache/: get or make a
step's results by what they depend on), units of work and their fingerprints, the
bodies of documents finished for a site, the render pool, printing jobs, the staged
files and the output folder."""
