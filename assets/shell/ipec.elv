
use builtin;
use str;

set edit:completion:arg-completer[ipec] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ipec'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ipec'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --theme 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected'
            cand --tab 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library'
            cand --graphics 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand --no-mouse 'Leave the mouse to the terminal (keeps its own text selection working)'
            cand --mouse 'Take the mouse even when the config file says `mouse = false`'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tui 'Open the explorer (the default when no command is given)'
            cand check 'Validate the knowledge base: count each kind, or report every problem as FILE:LINE:COLUMN'
            cand list 'List every record of one kind, or those that pass the filters'
            cand show 'Show one record, its links resolved'
            cand search 'Search every record, best match first; exits 1 when nothing matches, as grep does'
            cand present 'Present a tour full screen, one slide per step (any other record: one slide), in the high-contrast theme unless --theme says otherwise. Keys: Right/Space next, Left back, a number then Enter jumps, b blanks, n notes, q leaves'
            cand handout 'Write a tour as a handout: every step with its facts, figures and citations, the sources at the end'
            cand config 'The config file: where it is, what is in effect, a commented default'
            cand cache 'The cache of loaded knowledge bases and their search indexes, which makes the next start fast: where it is, or clear it'
            cand completions 'Print a completion script for a shell: `ipec completions bash > ~/.local/share/bash-completion/completions/ipec`'
            cand man 'Print the man page (roff): `ipec man | man -l -`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ipec;tui'= {
            cand --theme 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected'
            cand --tab 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library'
            cand --graphics 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)'
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-mouse 'Leave the mouse to the terminal (keeps its own text selection working)'
            cand --mouse 'Take the mouse even when the config file says `mouse = false`'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ipec;check'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --watch 'Check again on every change to the --data folder (for an editor in a split terminal), until Ctrl-C'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ipec;list'= {
            cand --format 'format'
            cand --country 'Only records in this country: an id or a name (GHA, Ghana, "ivory coast", "cote d''ivoire")'
            cand --region 'Only records in this ILO region: Africa, Americas, "Arab States", "Asia and the Pacific", "Europe and Central Asia" (or the start of one: asia, europe)'
            cand --priority 'Only records of this thematic priority: an id, a number or a title'
            cand --area 'Only records of this theory-of-change area: an id, a number or a title'
            cand --sector 'Only results in this sector: cocoa, cotton, mining, fishing...'
            cand --convention 'Only records citing this convention or protocol: an id, a number or a NORMLEX code (C182, 182, C029)'
            cand --partnership 'Only records of this partnership: an id or a name'
            cand --source 'Only records citing this source document: an id or a title'
            cand --year 'Only records dated in this year or range of years (2019, 2015-2018), by their dates and periods'
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ipec;show'= {
            cand --format 'format'
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ipec;search'= {
            cand --kind 'Only records of this kind'
            cand --limit 'At most this many results'
            cand --format 'format'
            cand --country 'Only records in this country: an id or a name (GHA, Ghana, "ivory coast", "cote d''ivoire")'
            cand --region 'Only records in this ILO region: Africa, Americas, "Arab States", "Asia and the Pacific", "Europe and Central Asia" (or the start of one: asia, europe)'
            cand --priority 'Only records of this thematic priority: an id, a number or a title'
            cand --area 'Only records of this theory-of-change area: an id, a number or a title'
            cand --sector 'Only results in this sector: cocoa, cotton, mining, fishing...'
            cand --convention 'Only records citing this convention or protocol: an id, a number or a NORMLEX code (C182, 182, C029)'
            cand --partnership 'Only records of this partnership: an id or a name'
            cand --source 'Only records citing this source document: an id or a title'
            cand --year 'Only records dated in this year or range of years (2019, 2015-2018), by their dates and periods'
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ipec;present'= {
            cand --pdf 'Write the slides to this PDF instead, one 16:9 page per slide as projected (the theme decides the colours: `--theme light` for paper); never over an existing file without --force'
            cand --theme 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected'
            cand --tab 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library'
            cand --graphics 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)'
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --notes 'The trainer''s view, in a second terminal: the speaker notes, the next step and the clock, following the projected slides (and moving them)'
            cand --with-notes 'With --pdf: the speaker notes under each slide'
            cand --force 'With --pdf: replace the file if it exists'
            cand --no-mouse 'Leave the mouse to the terminal (keeps its own text selection working)'
            cand --mouse 'Take the mouse even when the config file says `mouse = false`'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ipec;handout'= {
            cand --format 'format'
            cand -o 'Write to this file instead of standard output; an existing file is kept unless --force'
            cand --output 'Write to this file instead of standard output; an existing file is kept unless --force'
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --force 'Replace FILE if it exists'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ipec;config'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand path 'Print the path of the config file, whether or not it exists'
            cand show 'Print the settings in effect, each with where it comes from (default, file, environment, flag)'
            cand init 'Write a commented default config file; never over an existing one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ipec;config;path'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ipec;config;show'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ipec;config;init'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ipec;config;help'= {
            cand path 'Print the path of the config file, whether or not it exists'
            cand show 'Print the settings in effect, each with where it comes from (default, file, environment, flag)'
            cand init 'Write a commented default config file; never over an existing one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ipec;config;help;path'= {
        }
        &'ipec;config;help;show'= {
        }
        &'ipec;config;help;init'= {
        }
        &'ipec;config;help;help'= {
        }
        &'ipec;cache'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand path 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder''s knowledge base'
            cand clear 'Remove every cache file; the next start loads the files again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ipec;cache;path'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ipec;cache;clear'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ipec;cache;help'= {
            cand path 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder''s knowledge base'
            cand clear 'Remove every cache file; the next start loads the files again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ipec;cache;help;path'= {
        }
        &'ipec;cache;help;clear'= {
        }
        &'ipec;cache;help;help'= {
        }
        &'ipec;completions'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ipec;man'= {
            cand --data 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)'
            cand --no-cache 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ipec;help'= {
            cand tui 'Open the explorer (the default when no command is given)'
            cand check 'Validate the knowledge base: count each kind, or report every problem as FILE:LINE:COLUMN'
            cand list 'List every record of one kind, or those that pass the filters'
            cand show 'Show one record, its links resolved'
            cand search 'Search every record, best match first; exits 1 when nothing matches, as grep does'
            cand present 'Present a tour full screen, one slide per step (any other record: one slide), in the high-contrast theme unless --theme says otherwise. Keys: Right/Space next, Left back, a number then Enter jumps, b blanks, n notes, q leaves'
            cand handout 'Write a tour as a handout: every step with its facts, figures and citations, the sources at the end'
            cand config 'The config file: where it is, what is in effect, a commented default'
            cand cache 'The cache of loaded knowledge bases and their search indexes, which makes the next start fast: where it is, or clear it'
            cand completions 'Print a completion script for a shell: `ipec completions bash > ~/.local/share/bash-completion/completions/ipec`'
            cand man 'Print the man page (roff): `ipec man | man -l -`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ipec;help;tui'= {
        }
        &'ipec;help;check'= {
        }
        &'ipec;help;list'= {
        }
        &'ipec;help;show'= {
        }
        &'ipec;help;search'= {
        }
        &'ipec;help;present'= {
        }
        &'ipec;help;handout'= {
        }
        &'ipec;help;config'= {
            cand path 'Print the path of the config file, whether or not it exists'
            cand show 'Print the settings in effect, each with where it comes from (default, file, environment, flag)'
            cand init 'Write a commented default config file; never over an existing one'
        }
        &'ipec;help;config;path'= {
        }
        &'ipec;help;config;show'= {
        }
        &'ipec;help;config;init'= {
        }
        &'ipec;help;cache'= {
            cand path 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder''s knowledge base'
            cand clear 'Remove every cache file; the next start loads the files again'
        }
        &'ipec;help;cache;path'= {
        }
        &'ipec;help;cache;clear'= {
        }
        &'ipec;help;completions'= {
        }
        &'ipec;help;man'= {
        }
        &'ipec;help;help'= {
        }
    ]
    $completions[$command]
}
