"""From the checkout to validated content: reading files within limits
(sources), positioned YAML, the pydantic models and site.yaml, validation, the one
cross-reference pass, and the checks of attached files (PDF, SVG) and print budgets."""
