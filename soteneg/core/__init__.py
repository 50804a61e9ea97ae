"""The few things every layer uses: problems as values, their messages in Finnish,
Swedish and English (the catalogue in messages/, phrases in text), language and id
names, and the site's URLs (routes). Imports nothing else of soteneg."""
