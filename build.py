"""`python build.py` is `soteneg build`: a thin entry point for those without the script."""

import sys

from soteneg.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
