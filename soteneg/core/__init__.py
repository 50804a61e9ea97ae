"""The few things every layer uses: problems as values, language and id names,
and the site's URLs (routes). Imports nothing else of soteneg."""
