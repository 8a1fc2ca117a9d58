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
# /story: the heading above every source of a story, one linked line each.
story-sources = Sources ({ $count }):
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

## The bot conversation. Telegram HTML is escaped by the code: write plain text here.
## A label followed by a value ("Status:") has no trailing space: the code adds it.

# This language's own name, shown on the language buttons whatever the chat's language.
language-name = English

# The command menu (setMyCommands) and /help: one description and one usage line per command.
menu-digest = The digest now: new stories and their key figures
menu-story = One story in full, each figure with its sentence
menu-why = Where a number came from
menu-trend = How a figure moved over time
menu-figures = The latest key figures
menu-search = Search recent stories
menu-sources = Your feeds and their health
menu-subscribe = Add a feed
menu-unsubscribe = Drop a feed
menu-topics = Topics to include or exclude
menu-time = When the daily digest arrives
menu-timezone = Your time zone
menu-language = The bot's language
menu-settings = All settings, with buttons
menu-card = The day in numbers, as a picture
menu-digest-here = Groups with topics: the digest goes to this topic
menu-pause = Pause the daily digest
menu-resume = Resume the daily digest
menu-start = Subscribe to the daily digest
menu-stop = Unsubscribe
menu-help = What this bot can do
usage-digest = /digest — stories since your last digest (or the last 24 h)
usage-story = /story N — story N of your last digest, e.g. /story 1
usage-why = /why <number> — the sentence and article behind a figure, e.g. /why 971
usage-trend = /trend <words or figure> — earlier reports of the same figure, each with its source, e.g. /trend prisoners
usage-figures = /figures [words] — the latest key figures, optionally about some words
usage-search = /search <words> — recent stories mentioning the words, newest first
usage-sources = /sources — the feeds this chat gets, numbered
usage-subscribe = /subscribe <n|url> — get feed n of /sources, or add a feed by URL; /subscribe only 2 5 — just those feeds; /subscribe all — every feed, new ones too
usage-unsubscribe = /unsubscribe <n> — stop getting feed n of /sources
usage-topics = /topics [+word -word "a phrase" | remove word | clear] — show or edit topics
usage-time = /time HH:MM — daily digest time (24 h), or /time default
usage-timezone = /timezone <Europe/Kyiv | Kyiv | UTC+3 | default> — your time zone
usage-language = /language <en|uk> — the bot's language in this chat
usage-settings = /settings — everything this chat set, with buttons to change it
usage-card = /card — the latest edition as a picture card; /card on|off — send it before every digest
usage-digest-here = /digest_here — in a group with topics, send it inside the topic that should receive the digest (in General: back to General)
usage-pause = /pause — no digests until /resume
usage-resume = /resume — digests arrive again
usage-start = /start — subscribe to the daily digest
usage-stop = /stop — unsubscribe (send /start to come back)
usage-help = /help — this list
# "Usage: /time HH:MM — …"
usage = Usage: { $usage }
help-intro = KeyFigures turns news feeds into the numbers that matter, each traceable to its sentence.
help-operators = Operators: { $usage }
unknown-command = Unknown command /{ $command }. Send /help for the list.
error-internal = Sorry, something went wrong on our side. Please try again in a minute.
admins-only = Sorry — only this group's admins can change its settings.
admins-only-short = Only this group's admins can change its settings.
start-admins-only = Sorry — only this group's admins can subscribe it to KeyFigures.
operators-only = Sorry — /admin is only for the operators of this bot.
operators-only-import = Sorry — importing feeds is only for the operators of this bot.
operators-only-button = Only the operators of this bot can do that.
not-subscribed = This chat is not subscribed yet. Send /start first.
not-subscribed-short = This chat is not subscribed. Send /start first.

# When digests arrive. $time is "07:30", $zone "Europe/Kyiv" or "UTC+3", $when "25 Nov, 08:00 (UTC)".
schedule-daily = daily at { $time } ({ $zone })
schedule-default-next = on the default schedule — next { $when }
schedule-default = on the default schedule

start-already = You are already subscribed.
start-back = Welcome back — you are subscribed again.
start-new = Subscribed to KeyFigures: the numbers that matter in the news, each traceable to its sentence.
start-paused = Digests are paused — /resume to get them again.
start-next = Next digest: { $when }.
start-example = Each story comes as a few lines like:
# The example figure line: "• 971 Russian soldiers captured".
start-example-label = Russian soldiers captured
start-digest = /digest — the digest now
start-why = /why 971 — where a number came from
start-settings = /settings — time, time zone, language, pause
start-help = /help — all commands
stop-done = Unsubscribed. No more digests will arrive. Send /start to subscribe again.
stop-not-subscribed = You were not subscribed. Send /start to subscribe.
pause-already = Already paused. Send /resume to get digests again.
pause-done = Paused: no digests until you send /resume. /digest still works any time.
resume-not-paused = Digests are not paused: they arrive { $schedule }.
resume-done = Resumed: your digest arrives { $schedule }.
time-current = Your digest arrives { $schedule }. Change it with /time HH:MM.
time-current-paused = Digests are paused — /resume to get them again. After that your digest arrives { $schedule }.
time-done = Done: your digest arrives { $schedule }.
time-done-paused = Done: once you /resume, your digest arrives { $schedule }. Digests are paused until then.
timezone-current = Your time zone: { $zone }. Change it with /timezone Europe/Kyiv, /timezone Kyiv or /timezone UTC+3.
timezone-current-default = Your time zone: { $zone } (the default). Change it with /timezone Europe/Kyiv, /timezone Kyiv or /timezone UTC+3.
timezone-unknown = Unknown time zone "{ $input }". Usage: /timezone Europe/Kyiv, /timezone Kyiv or /timezone UTC+3.
timezone-done = Time zone set to { $zone }. Your digest arrives { $schedule }.
timezone-done-paused = Time zone set to { $zone }. Once you /resume, your digest arrives { $schedule }; digests are paused until then.
language-current = Language: { $language }. Change it with { $choices } or the buttons below.
language-unknown = Unknown language "{ $input }". Choose { $choices }.
language-set = Language: { $language }. Replies, digests and this chat's command menu now use it.
language-already = Language: { $language } already.

settings-title = Settings
settings-status = Status:
settings-status-none = not subscribed — /start to subscribe
settings-status-paused = paused — /resume
settings-status-active = subscribed
settings-digest = Digest:
settings-next = Next digest: { $when }
settings-next-none = none scheduled
settings-zone = Time zone:
settings-zone-default = (default)
settings-feeds = Feeds: { $chosen } of { $total } — /sources
settings-topics-none = Topics: none (every story) — /topics
settings-topics = Topics: { $include } included, { $exclude } excluded — /topics
settings-language = Language: { $language } — /language
settings-card-on = Picture card: on — the day in numbers before each digest
settings-card-off = Picture card: off
settings-topic-general = Digest topic: General
settings-topic-here = Digest topic: this topic
settings-topic-other = Digest topic: another topic
settings-hint = Buttons change these settings; or send /time HH:MM, /timezone Kyiv, /language uk.
button-default-time = Default time
button-default-zone = Default zone
button-pause = ⏸ Pause
button-resume = ▶ Resume
button-card-on = 🖼 Picture card: turn on
button-card-off = 🖼 Picture card: turn off
button-topic-here = 📌 Digests to this topic
button-topic-general = 📌 Digests to General
button-expired = This button has expired.
button-saved = Saved.
button-already-set = Already set.

digest-no-more = That digest has no more stories now. Send /digest for the latest.
story-gone = That story is no longer available.
search-expired = This search has expired. Send /search again.
search-no-results = No results any more.



button-story = Story { $number }
button-open = Open { $number }
button-more = More stories ›
button-newer = ‹ Newer
button-older = Older › ({ $page }/{ $pages })
button-subscribe = Subscribe
digest-nothing-new = Nothing new since your last digest — the last { $hours } h
digest-all-hidden = No stories match your topics. { $hidden } Change them with /topics.
# "3 stories hidden by your topics: 2 mention "football"; 1 mentions none of "ukraine"."
topics-hidden = { $stories } hidden by your topics: { $reasons }.
topics-hidden-mention = { $count ->
    [one] { $count } mentions
   *[other] { $count } mention
} "{ $word }"
topics-hidden-none-of = { $count ->
    [one] { $count } mentions
   *[other] { $count } mention
} none of { $words }
digest-more-heading = More stories · { $numbers } of { $total }
story-no-digest = No digest here yet. Send /digest first.
story-range = { $count ->
    [1] Your last digest has one story. Try /story 1.
   *[other] Your last digest has stories 1–{ $count }. Try /story 1.
}
story-gone-digest = That story is no longer available. Send /digest for the latest.
why-none = No figure { $query } in the last { $days ->
    [one] { $days } day
   *[other] { $days } days
} of stories. Try /figures for the latest.
why-same-value = same value as { $query }
why-same-digits = same digits as { $query }, another value
trend-chart-brand = KeyFigures · trend
trend-chart-summary = from { $first } on { $firstDate } to { $last } on { $lastDate }
trend-chart-footer = { $points } · { $sources } · every point traced to its sentence
trend-chart-points = { $count ->
    [one] { $count } point
   *[other] { $count } points
}
trend-chart-sources = { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
trend-none = No figure about "{ $query }" has been reported more than once yet. Try /figures for the latest.
figures-none = No new figures in the last { $hours } h.
figures-none-about = No figures about { $words } in the last { $hours } h.
figures-heading = Key figures · latest
figures-heading-about = Key figures · { $words }
search-heading = Search · { $query }
# "7 stories · page 1 of 2" (the page is read back from this line when a page button is pressed).
search-page = page { $page } of { $pages }
search-none = Nothing in the last { $days ->
    [one] { $days } day
   *[other] { $days } days
} mentions { $query }.
sources-title = Sources
sources-gets = you get { $chosen } of { $total }
sources-only-these = only these: feeds added later do not arrive
sources-later-too = feeds added later arrive too
subscribe-all = You get every feed now, and feeds added later.
subscribe-only = You get only { $names } now; feeds added later do not arrive (/subscribe all to get every feed).
sources-footer = /subscribe N or /subscribe URL to add · /unsubscribe N to drop · /subscribe only N M for just those · /subscribe all for every feed
feeds-none = No feeds yet. Add one with /subscribe <url>.
feeds-none-short = No feeds yet.
no-such-feed = There is no feed { $asked }: /sources lists { $ids }.
# A feed's health: "ok · fetched 24 Nov 2026", "⚠ fetch: 403 forbidden (since 24 Nov 2026, 3 failures)".
feed-ok = ok · fetched { $date }
feed-not-fetched = not fetched yet
feed-failing-since = since { $date }
feed-failures = { $count ->
    [one] { $count } failure
   *[other] { $count } failures
}
subscribe-already = You already get { $name }.
subscribe-done = Subscribed to { $name }.
subscribe-checking = Checking { $url }…
# $reason is the fetcher's own words ("fetch: 403 forbidden").
subscribe-failed = Could not add that feed: { $reason }
subscribe-unreadable = the feed could not be read
subscribe-added = Added { $name }. Its stories appear after the next fetch.
subscribe-added-found = Added { $name } (found on that page). Its stories appear after the next fetch.
unsubscribe-not-getting = You were not getting { $name }.
unsubscribe-done = Unsubscribed from { $name }. { $left ->
    [one] { $left } feed left.
   *[other] { $left } feeds left.
}
unsubscribe-done-none = Unsubscribed from { $name }. You get no feeds now — /subscribe N to add one back.
topics-title = Topics
topics-updated = Topics updated
topics-include = Include (any of):
topics-exclude = Exclude:
topics-no-filter = No filter: you get every story.
topics-matched = Matched as whole words, any case, on titles, summaries and figures.
topics-edit = Edit: /topics +word -word "a phrase" · /topics remove word · /topics clear
topics-too-long = Topics are at most { $max } characters.
topics-no-letters = "{ $topic }" has no letters or digits to match.
topics-too-many = At most { $max } topics to include and { $max } to exclude.
# A pasted link is offered for subscription; the offer is read back when its button is pressed.
offer-subscribe = Subscribe to this feed or site? { $url }
plain-text-hint = I answer commands: /digest for the latest stories, /why 971 to find a number, /help for all of them. Paste a feed or site link to subscribe to it.
## Forum topics and the picture card (bot)

# Sent to General when the topic chosen with /digest_here was deleted; the digest follows it there.
digest-topic-gone = The digest topic was deleted, so digests now go to General. To choose another topic, send /digest_here in it.
digest-here-set = Digests will arrive in this topic.
digest-here-unchanged = Digests already arrive in this topic.
digest-here-general = Digests go to General again. To choose a topic, send /digest_here inside it.
digest-here-in-general = Send /digest_here inside the topic that should receive the digest; until then digests go to General.
digest-here-not-forum = This chat has no topics, so the digest arrives right here. /digest_here is for groups with topics: send it inside the topic that should receive the digest.
digest-here-not-subscribed = This group is not subscribed yet: send /start to get the digest.
card-on = Picture card on: each digest starts with the day in numbers.
card-off = Picture card off: digests come as text only.
card-none = There is no edition with figures yet, so no card to show.
card-usage = Usage: /card — the latest edition's card; /card on or /card off — send it before every digest.
