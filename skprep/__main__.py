"""Command line: ``python -m skprep demo``."""

import argparse
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(prog="skprep", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="train, dump, reload and serve pipelines built from skprep")
    args = parser.parse_args(argv)
    if args.command == "demo":
        import skprep
        from skprep._demo import run_demo

        print(
            f"skprep {skprep.__version__} demo: {len(skprep.all_estimators())} layers available\n"
        )
        run_demo()
    return 0


if __name__ == "__main__":
    sys.exit(main())
