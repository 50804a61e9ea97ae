"""`python -m soteneg` is the `soteneg` command."""

import sys

from soteneg.cli import main

sys.exit(main())
