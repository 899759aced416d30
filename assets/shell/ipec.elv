# ipec's completion for elvish: commands, options, and values from the knowledge base in use
# (record ids, country names and aliases, tab names, filter values), asked as they are typed of
# ipec
# Install it, and again after moving or upgrading ipec:
#   eval (ipec completions elvish | slurp)   # in ~/.config/elvish/rc.elv

set edit:completion:arg-completer[ipec] = { |@words|
    var index = (count $words)
    set index = (- $index 1)

    put (env _CLAP_IFS="\n" _CLAP_COMPLETE_INDEX=(to-string $index) COMPLETE="elvish" ipec -- $@words) | to-lines
}

