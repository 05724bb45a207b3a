"""``python -m whereas``: the command line."""

from whereas.cli import main

if __name__ == "__main__":
    main()
