from impact.cli import main

main()
