# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ipec_global_optspecs
    string join \n data= no-cache theme= no-mouse mouse tab= graphics= h/help V/version
end

function __fish_ipec_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ipec_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ipec_using_subcommand
    set -l cmd (__fish_ipec_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ipec -n "__fish_ipec_needs_command" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_needs_command" -l theme -d 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected' -r -f -a "dark\t''
light\t''
high-contrast\t''"
complete -c ipec -n "__fish_ipec_needs_command" -l tab -d 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library' -r
complete -c ipec -n "__fish_ipec_needs_command" -l graphics -d 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)' -r -f -a "auto\t'The best the terminal is known to show: an image protocol, else half-blocks'
kitty\t'kitty\'s graphics protocol (kitty, WezTerm, Ghostty, Konsole)'
iterm2\t'iTerm2\'s inline images (iTerm2, WezTerm, mintty)'
sixel\t'Sixel (foot, mlterm, xterm -ti vt340, Windows Terminal, WezTerm)'
halfblocks\t'No images: country fills in coloured half-blocks'
none\t'No images, no colours beyond the theme\'s: the braille map'"
complete -c ipec -n "__fish_ipec_needs_command" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_needs_command" -l no-mouse -d 'Leave the mouse to the terminal (keeps its own text selection working)'
complete -c ipec -n "__fish_ipec_needs_command" -l mouse -d 'Take the mouse even when the config file says `mouse = false`'
complete -c ipec -n "__fish_ipec_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ipec -n "__fish_ipec_needs_command" -s V -l version -d 'Print version'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "tui" -d 'Open the explorer (the default when no command is given)'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "check" -d 'Validate the knowledge base: count each kind, or report every problem as FILE:LINE:COLUMN'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "list" -d 'List every record of one kind, or those that pass the filters'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "show" -d 'Show one record, its links resolved'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "search" -d 'Search every record, best match first; exits 1 when nothing matches, as grep does'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "present" -d 'Present a tour full screen, one slide per step (any other record: one slide), in the high-contrast theme unless --theme says otherwise. Keys: Right/Space next, Left back, a number then Enter jumps, b blanks, n notes, q leaves'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "handout" -d 'Write a tour as a handout: every step with its facts, figures and citations, the sources at the end'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "config" -d 'The config file: where it is, what is in effect, a commented default'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "cache" -d 'The cache of loaded knowledge bases and their search indexes, which makes the next start fast: where it is, or clear it'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "completions" -d 'Print a completion script for a shell: `ipec completions bash > ~/.local/share/bash-completion/completions/ipec`'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "man" -d 'Print the man page (roff): `ipec man | man -l -`'
complete -c ipec -n "__fish_ipec_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ipec -n "__fish_ipec_using_subcommand tui" -l theme -d 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected' -r -f -a "dark\t''
light\t''
high-contrast\t''"
complete -c ipec -n "__fish_ipec_using_subcommand tui" -l tab -d 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library' -r
complete -c ipec -n "__fish_ipec_using_subcommand tui" -l graphics -d 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)' -r -f -a "auto\t'The best the terminal is known to show: an image protocol, else half-blocks'
kitty\t'kitty\'s graphics protocol (kitty, WezTerm, Ghostty, Konsole)'
iterm2\t'iTerm2\'s inline images (iTerm2, WezTerm, mintty)'
sixel\t'Sixel (foot, mlterm, xterm -ti vt340, Windows Terminal, WezTerm)'
halfblocks\t'No images: country fills in coloured half-blocks'
none\t'No images, no colours beyond the theme\'s: the braille map'"
complete -c ipec -n "__fish_ipec_using_subcommand tui" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand tui" -l no-mouse -d 'Leave the mouse to the terminal (keeps its own text selection working)'
complete -c ipec -n "__fish_ipec_using_subcommand tui" -l mouse -d 'Take the mouse even when the config file says `mouse = false`'
complete -c ipec -n "__fish_ipec_using_subcommand tui" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand tui" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ipec -n "__fish_ipec_using_subcommand check" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand check" -l watch -d 'Check again on every change to the --data folder (for an editor in a split terminal), until Ctrl-C'
complete -c ipec -n "__fish_ipec_using_subcommand check" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand check" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand list" -l format -r -f -a "text\t'Aligned lines for people (`show`: the record as a document)'
json\t'Every field, for scripts'
csv\t'A header row and one row per record; several values in one field joined with "; "'
markdown\t'A table for handouts (`show`: the record as a document)'"
complete -c ipec -n "__fish_ipec_using_subcommand list" -l country -d 'Only records in this country: an id or a name (GHA, Ghana, "ivory coast", "cote d\'ivoire")' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l region -d 'Only records in this ILO region: Africa, Americas, "Arab States", "Asia and the Pacific", "Europe and Central Asia" (or the start of one: asia, europe)' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l priority -d 'Only records of this thematic priority: an id, a number or a title' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l area -d 'Only records of this theory-of-change area: an id, a number or a title' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l sector -d 'Only results in this sector: cocoa, cotton, mining, fishing...' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l convention -d 'Only records citing this convention or protocol: an id, a number or a NORMLEX code (C182, 182, C029)' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l partnership -d 'Only records of this partnership: an id or a name' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l source -d 'Only records citing this source document: an id or a title' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l year -d 'Only records dated in this year or range of years (2019, 2015-2018), by their dates and periods' -r
complete -c ipec -n "__fish_ipec_using_subcommand list" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand list" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ipec -n "__fish_ipec_using_subcommand show" -l format -r -f -a "text\t'Aligned lines for people (`show`: the record as a document)'
json\t'Every field, for scripts'
csv\t'A header row and one row per record; several values in one field joined with "; "'
markdown\t'A table for handouts (`show`: the record as a document)'"
complete -c ipec -n "__fish_ipec_using_subcommand show" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand show" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ipec -n "__fish_ipec_using_subcommand search" -l kind -d 'Only records of this kind' -r -f -a "programme\t''
priorities\t''
areas\t''
conventions\t''
countries\t''
achievements\t''
figures\t''
partnerships\t''
events\t''
resources\t''
sources\t''
tours\t''"
complete -c ipec -n "__fish_ipec_using_subcommand search" -l limit -d 'At most this many results' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l format -r -f -a "text\t'Aligned lines for people (`show`: the record as a document)'
json\t'Every field, for scripts'
csv\t'A header row and one row per record; several values in one field joined with "; "'
markdown\t'A table for handouts (`show`: the record as a document)'"
complete -c ipec -n "__fish_ipec_using_subcommand search" -l country -d 'Only records in this country: an id or a name (GHA, Ghana, "ivory coast", "cote d\'ivoire")' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l region -d 'Only records in this ILO region: Africa, Americas, "Arab States", "Asia and the Pacific", "Europe and Central Asia" (or the start of one: asia, europe)' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l priority -d 'Only records of this thematic priority: an id, a number or a title' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l area -d 'Only records of this theory-of-change area: an id, a number or a title' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l sector -d 'Only results in this sector: cocoa, cotton, mining, fishing...' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l convention -d 'Only records citing this convention or protocol: an id, a number or a NORMLEX code (C182, 182, C029)' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l partnership -d 'Only records of this partnership: an id or a name' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l source -d 'Only records citing this source document: an id or a title' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l year -d 'Only records dated in this year or range of years (2019, 2015-2018), by their dates and periods' -r
complete -c ipec -n "__fish_ipec_using_subcommand search" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand search" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ipec -n "__fish_ipec_using_subcommand present" -l pdf -d 'Write the slides to this PDF instead, one 16:9 page per slide as projected (the theme decides the colours: `--theme light` for paper); never over an existing file without --force' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand present" -l theme -d 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected' -r -f -a "dark\t''
light\t''
high-contrast\t''"
complete -c ipec -n "__fish_ipec_using_subcommand present" -l tab -d 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library' -r
complete -c ipec -n "__fish_ipec_using_subcommand present" -l graphics -d 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)' -r -f -a "auto\t'The best the terminal is known to show: an image protocol, else half-blocks'
kitty\t'kitty\'s graphics protocol (kitty, WezTerm, Ghostty, Konsole)'
iterm2\t'iTerm2\'s inline images (iTerm2, WezTerm, mintty)'
sixel\t'Sixel (foot, mlterm, xterm -ti vt340, Windows Terminal, WezTerm)'
halfblocks\t'No images: country fills in coloured half-blocks'
none\t'No images, no colours beyond the theme\'s: the braille map'"
complete -c ipec -n "__fish_ipec_using_subcommand present" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand present" -l notes -d 'The trainer\'s view, in a second terminal: the speaker notes, the next step and the clock, following the projected slides (and moving them)'
complete -c ipec -n "__fish_ipec_using_subcommand present" -l with-notes -d 'With --pdf: the speaker notes under each slide'
complete -c ipec -n "__fish_ipec_using_subcommand present" -l force -d 'With --pdf: replace the file if it exists'
complete -c ipec -n "__fish_ipec_using_subcommand present" -l no-mouse -d 'Leave the mouse to the terminal (keeps its own text selection working)'
complete -c ipec -n "__fish_ipec_using_subcommand present" -l mouse -d 'Take the mouse even when the config file says `mouse = false`'
complete -c ipec -n "__fish_ipec_using_subcommand present" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand present" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ipec -n "__fish_ipec_using_subcommand handout" -l format -r -f -a "markdown\t'Markdown, with figures as tables'
html\t'One self-contained HTML file, with SVG charts and map, that prints one step per page'"
complete -c ipec -n "__fish_ipec_using_subcommand handout" -s o -l output -d 'Write to this file instead of standard output; an existing file is kept unless --force' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand handout" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand handout" -l force -d 'Replace FILE if it exists'
complete -c ipec -n "__fish_ipec_using_subcommand handout" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand handout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ipec -n "__fish_ipec_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "path" -d 'Print the path of the config file, whether or not it exists'
complete -c ipec -n "__fish_ipec_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "show" -d 'Print the settings in effect, each with where it comes from (default, file, environment, flag)'
complete -c ipec -n "__fish_ipec_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "init" -d 'Write a commented default config file; never over an existing one'
complete -c ipec -n "__fish_ipec_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from path" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from path" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from show" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from show" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from init" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from init" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file, whether or not it exists'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the settings in effect, each with where it comes from (default, file, environment, flag)'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a commented default config file; never over an existing one'
complete -c ipec -n "__fish_ipec_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and not __fish_seen_subcommand_from path clear help" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand cache; and not __fish_seen_subcommand_from path clear help" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and not __fish_seen_subcommand_from path clear help" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and not __fish_seen_subcommand_from path clear help" -f -a "path" -d 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder\'s knowledge base'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and not __fish_seen_subcommand_from path clear help" -f -a "clear" -d 'Remove every cache file; the next start loads the files again'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and not __fish_seen_subcommand_from path clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from path" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from path" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from clear" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from clear" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder\'s knowledge base'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove every cache file; the next start loads the files again'
complete -c ipec -n "__fish_ipec_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ipec -n "__fish_ipec_using_subcommand completions" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand completions" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand completions" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand man" -l data -d 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)' -r -F
complete -c ipec -n "__fish_ipec_using_subcommand man" -l no-cache -d 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
complete -c ipec -n "__fish_ipec_using_subcommand man" -s h -l help -d 'Print help'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "tui" -d 'Open the explorer (the default when no command is given)'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "check" -d 'Validate the knowledge base: count each kind, or report every problem as FILE:LINE:COLUMN'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "list" -d 'List every record of one kind, or those that pass the filters'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "show" -d 'Show one record, its links resolved'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "search" -d 'Search every record, best match first; exits 1 when nothing matches, as grep does'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "present" -d 'Present a tour full screen, one slide per step (any other record: one slide), in the high-contrast theme unless --theme says otherwise. Keys: Right/Space next, Left back, a number then Enter jumps, b blanks, n notes, q leaves'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "handout" -d 'Write a tour as a handout: every step with its facts, figures and citations, the sources at the end'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "config" -d 'The config file: where it is, what is in effect, a commented default'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "cache" -d 'The cache of loaded knowledge bases and their search indexes, which makes the next start fast: where it is, or clear it'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "completions" -d 'Print a completion script for a shell: `ipec completions bash > ~/.local/share/bash-completion/completions/ipec`'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "man" -d 'Print the man page (roff): `ipec man | man -l -`'
complete -c ipec -n "__fish_ipec_using_subcommand help; and not __fish_seen_subcommand_from tui check list show search present handout config cache completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ipec -n "__fish_ipec_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file, whether or not it exists'
complete -c ipec -n "__fish_ipec_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the settings in effect, each with where it comes from (default, file, environment, flag)'
complete -c ipec -n "__fish_ipec_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented default config file; never over an existing one'
complete -c ipec -n "__fish_ipec_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "path" -d 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder\'s knowledge base'
complete -c ipec -n "__fish_ipec_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Remove every cache file; the next start loads the files again'
