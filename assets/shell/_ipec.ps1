
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ipec' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ipec'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ipec' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected')
            [CompletionResult]::new('--tab', '--tab', [CompletionResultType]::ParameterName, 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library')
            [CompletionResult]::new('--graphics', '--graphics', [CompletionResultType]::ParameterName, 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('--no-mouse', '--no-mouse', [CompletionResultType]::ParameterName, 'Leave the mouse to the terminal (keeps its own text selection working)')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Take the mouse even when the config file says `mouse = false`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tui', 'tui', [CompletionResultType]::ParameterValue, 'Open the explorer (the default when no command is given)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the knowledge base: count each kind, or report every problem as FILE:LINE:COLUMN')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every record of one kind, or those that pass the filters')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one record, its links resolved')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every record, best match first; exits 1 when nothing matches, as grep does')
            [CompletionResult]::new('present', 'present', [CompletionResultType]::ParameterValue, 'Present a tour full screen, one slide per step (any other record: one slide), in the high-contrast theme unless --theme says otherwise. Keys: Right/Space next, Left back, a number then Enter jumps, b blanks, n notes, q leaves')
            [CompletionResult]::new('handout', 'handout', [CompletionResultType]::ParameterValue, 'Write a tour as a handout: every step with its facts, figures and citations, the sources at the end')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The config file: where it is, what is in effect, a commented default')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'The cache of loaded knowledge bases and their search indexes, which makes the next start fast: where it is, or clear it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for a shell: `ipec completions bash > ~/.local/share/bash-completion/completions/ipec`')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff): `ipec man | man -l -`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ipec;tui' {
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected')
            [CompletionResult]::new('--tab', '--tab', [CompletionResultType]::ParameterName, 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library')
            [CompletionResult]::new('--graphics', '--graphics', [CompletionResultType]::ParameterName, 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-mouse', '--no-mouse', [CompletionResultType]::ParameterName, 'Leave the mouse to the terminal (keeps its own text selection working)')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Take the mouse even when the config file says `mouse = false`')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ipec;check' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Check again on every change to the --data folder (for an editor in a split terminal), until Ctrl-C')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ipec;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only records in this country: an id or a name (GHA, Ghana, "ivory coast", "cote d''ivoire")')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only records in this ILO region: Africa, Americas, "Arab States", "Asia and the Pacific", "Europe and Central Asia" (or the start of one: asia, europe)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Only records of this thematic priority: an id, a number or a title')
            [CompletionResult]::new('--area', '--area', [CompletionResultType]::ParameterName, 'Only records of this theory-of-change area: an id, a number or a title')
            [CompletionResult]::new('--sector', '--sector', [CompletionResultType]::ParameterName, 'Only results in this sector: cocoa, cotton, mining, fishing...')
            [CompletionResult]::new('--convention', '--convention', [CompletionResultType]::ParameterName, 'Only records citing this convention or protocol: an id, a number or a NORMLEX code (C182, 182, C029)')
            [CompletionResult]::new('--partnership', '--partnership', [CompletionResultType]::ParameterName, 'Only records of this partnership: an id or a name')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records citing this source document: an id or a title')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'Only records dated in this year or range of years (2019, 2015-2018), by their dates and periods')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ipec;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ipec;search' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only records of this kind')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many results')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only records in this country: an id or a name (GHA, Ghana, "ivory coast", "cote d''ivoire")')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only records in this ILO region: Africa, Americas, "Arab States", "Asia and the Pacific", "Europe and Central Asia" (or the start of one: asia, europe)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Only records of this thematic priority: an id, a number or a title')
            [CompletionResult]::new('--area', '--area', [CompletionResultType]::ParameterName, 'Only records of this theory-of-change area: an id, a number or a title')
            [CompletionResult]::new('--sector', '--sector', [CompletionResultType]::ParameterName, 'Only results in this sector: cocoa, cotton, mining, fishing...')
            [CompletionResult]::new('--convention', '--convention', [CompletionResultType]::ParameterName, 'Only records citing this convention or protocol: an id, a number or a NORMLEX code (C182, 182, C029)')
            [CompletionResult]::new('--partnership', '--partnership', [CompletionResultType]::ParameterName, 'Only records of this partnership: an id or a name')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records citing this source document: an id or a title')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'Only records dated in this year or range of years (2019, 2015-2018), by their dates and periods')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ipec;present' {
            [CompletionResult]::new('--pdf', '--pdf', [CompletionResultType]::ParameterName, 'Write the slides to this PDF instead, one 16:9 page per slide as projected (the theme decides the colours: `--theme light` for paper); never over an existing file without --force')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file). NO_COLOR is respected')
            [CompletionResult]::new('--tab', '--tab', [CompletionResultType]::ParameterName, 'The tab to open on: overview, priorities, change, conventions, countries, map, partnerships, timeline, figures or library')
            [CompletionResult]::new('--graphics', '--graphics', [CompletionResultType]::ParameterName, 'How maps and charts reach the terminal: auto (an image protocol the terminal is known to speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--notes', '--notes', [CompletionResultType]::ParameterName, 'The trainer''s view, in a second terminal: the speaker notes, the next step and the clock, following the projected slides (and moving them)')
            [CompletionResult]::new('--with-notes', '--with-notes', [CompletionResultType]::ParameterName, 'With --pdf: the speaker notes under each slide')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --pdf: replace the file if it exists')
            [CompletionResult]::new('--no-mouse', '--no-mouse', [CompletionResultType]::ParameterName, 'Leave the mouse to the terminal (keeps its own text selection working)')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Take the mouse even when the config file says `mouse = false`')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ipec;handout' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file instead of standard output; an existing file is kept unless --force')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file instead of standard output; an existing file is kept unless --force')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it exists')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ipec;config' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file, whether or not it exists')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the settings in effect, each with where it comes from (default, file, environment, flag)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default config file; never over an existing one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ipec;config;path' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ipec;config;show' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ipec;config;init' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ipec;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file, whether or not it exists')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the settings in effect, each with where it comes from (default, file, environment, flag)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default config file; never over an existing one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ipec;config;help;path' {
            break
        }
        'ipec;config;help;show' {
            break
        }
        'ipec;config;help;init' {
            break
        }
        'ipec;config;help;help' {
            break
        }
        'ipec;cache' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder''s knowledge base')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cache file; the next start loads the files again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ipec;cache;path' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ipec;cache;clear' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ipec;cache;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder''s knowledge base')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cache file; the next start loads the files again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ipec;cache;help;path' {
            break
        }
        'ipec;cache;help;clear' {
            break
        }
        'ipec;cache;help;help' {
            break
        }
        'ipec;completions' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ipec;man' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data` in the config file)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge bases (`ipec cache path`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ipec;help' {
            [CompletionResult]::new('tui', 'tui', [CompletionResultType]::ParameterValue, 'Open the explorer (the default when no command is given)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the knowledge base: count each kind, or report every problem as FILE:LINE:COLUMN')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every record of one kind, or those that pass the filters')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one record, its links resolved')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every record, best match first; exits 1 when nothing matches, as grep does')
            [CompletionResult]::new('present', 'present', [CompletionResultType]::ParameterValue, 'Present a tour full screen, one slide per step (any other record: one slide), in the high-contrast theme unless --theme says otherwise. Keys: Right/Space next, Left back, a number then Enter jumps, b blanks, n notes, q leaves')
            [CompletionResult]::new('handout', 'handout', [CompletionResultType]::ParameterValue, 'Write a tour as a handout: every step with its facts, figures and citations, the sources at the end')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The config file: where it is, what is in effect, a commented default')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'The cache of loaded knowledge bases and their search indexes, which makes the next start fast: where it is, or clear it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for a shell: `ipec completions bash > ~/.local/share/bash-completion/completions/ipec`')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff): `ipec man | man -l -`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ipec;help;tui' {
            break
        }
        'ipec;help;check' {
            break
        }
        'ipec;help;list' {
            break
        }
        'ipec;help;show' {
            break
        }
        'ipec;help;search' {
            break
        }
        'ipec;help;present' {
            break
        }
        'ipec;help;handout' {
            break
        }
        'ipec;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file, whether or not it exists')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the settings in effect, each with where it comes from (default, file, environment, flag)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default config file; never over an existing one')
            break
        }
        'ipec;help;config;path' {
            break
        }
        'ipec;help;config;show' {
            break
        }
        'ipec;help;config;init' {
            break
        }
        'ipec;help;cache' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with --data the file of that folder''s knowledge base')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cache file; the next start loads the files again')
            break
        }
        'ipec;help;cache;path' {
            break
        }
        'ipec;help;cache;clear' {
            break
        }
        'ipec;help;completions' {
            break
        }
        'ipec;help;man' {
            break
        }
        'ipec;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
