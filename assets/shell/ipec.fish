# ipec's completion for fish: commands, options, and values from the knowledge base in use
# (record ids, country names and aliases, tab names, filter values), asked as they are typed of
# ipec
# Install it, and again after moving or upgrading ipec:
#   ipec completions fish > ~/.config/fish/completions/ipec.fish
complete --keep-order --exclusive --command ipec --arguments "(COMPLETE=fish ipec -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
