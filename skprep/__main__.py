"""Command line: ``python -m skprep demo`` and ``python -m skprep serve MODEL``."""

import argparse
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(prog="skprep", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="train, dump, reload and serve pipelines built from skprep")
    from skprep.serve import _http as serve

    serve_parser = sub.add_parser(
        "serve",
        help="serve a fitted model over HTTP (MLflow scoring protocol)",
        description=serve.DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_arguments(serve_parser)
    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve.run(args)
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
