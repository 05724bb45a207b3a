from whereas.cli import main

main()
