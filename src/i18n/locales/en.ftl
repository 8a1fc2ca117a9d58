# KeyFigures, English. Fluent syntax: https://projectfluent.org/fluent/guide/
# Variables arrive raw (never HTML); the code escapes whatever it puts into Telegram HTML.

## Digest furniture (Telegram, terminal, archive)

# The first line of a digest; $date is already formatted for the reader.
digest-heading = KeyFigures · { $date }
digest-counts = { $stories } · { $figures }
# The terminal's first line: "KeyFigures · 24 Nov 2026 — 5 stories, 25 figures".
digest-counts-line = { $stories }, { $figures }
digest-empty = No new stories with figures since the last digest.
stories-count = { $count ->
    [one] { $count } story
   *[other] { $count } stories
}
figures-count = { $count ->
    [one] { $count } figure
   *[other] { $count } figures
}
story-untitled = (untitled)
story-link = source
source-unknown = Unknown source
# "Kyiv Independent · 26 May 2025"
source-dated = { $source } · { $date }
# Several feeds carried the story; $names is a comma-separated list.
sources-reported = reported by { $count ->
    [one] { $count } source
   *[other] { $count } sources
}: { $names }
# Between values the sources disagree on: "303 vs 300".
conflict-separator = { " " }vs{ " " }

## The picture card "the day in numbers"

card-title = The day in numbers
card-footer = { $stories } · { $figures } · every number traced to its sentence
card-empty = No figures in this edition.

## The archive (digests/index.md)

archive-title = KeyFigures archive
archive-intro = Every digest edition, newest first ({ $count } in all). Each file lists the stories with their key figures and the sentences they came from; a `.json` twin sits beside it.
archive-column-edition = edition
archive-column-stories = stories
archive-column-figures = figures
archive-empty = No editions yet.
