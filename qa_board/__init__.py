"""The Q&A board (กระดานถาม - ตอบ): visitors and members ask, members, mentors and staff answer,
the asker or staff accept an answer; spam rules hold posts for review; staff moderate.

Points at sites only (a question's optional tambon is a sites.Subdistrict). The shape of
programmes/: one folder per layer, one module per feature.

apps.py                  registers registrations.py from ready()
registrations.py         menu entries, the home page's answered-questions block, role
                         permissions and the demo loader offered to chsd_portal
permissions.py           who may answer, accept, moderate; who answers officially; blocked accounts
cache.py                 the "qa_board" data-version area its cached pages (list, visitors'
                         threads) key on
ratelimit_cache.py       the database cache the rate limits count in: increments under a row lock
                         (Django's own loses some when processes post at once)
admin.py                 Django admin (admins): banned words, topics, blocked accounts, the log
models/question.py       topic, question (status, moderation state, counters), answer (official,
                         accepted: one per question by a partial unique constraint)
models/querysets.py      who sees which posts (published; one's own held ones; all for moderators)
models/moderation.py     banned words, blocked accounts, the moderation log
models/search.py         the folded text (Thai onto Latin letters) the trigram search indexes hold
forms/antispam.py        honeypot field, signed "form shown at" time, post text without controls
forms/ask.py             the ask form (display name and private e-mail for visitors)
forms/answer.py          the answer form
forms/question_list.py   the list's search and filters
forms/moderation.py      reason for an action; reason for blocking
selectors/question_list.py  list rows, filter choices, the home block, คำถามของฉัน
selectors/thread.py      the thread: the question and its answers, accepted first
selectors/moderation.py  held posts, repeat offenders, the log's pages
selectors/search.py      what search indexes: questions with their published answers, masked; topics
services/questions.py    ask, count a view (one UPDATE), recount answers and derive the status
services/answers.py      answer (official by role), accept
services/moderation.py   approve, hide, spam, lock/unlock, delete; block/unblock; each logged
services/spam.py         the spam rules (time, honeypot, rate limits via django-ratelimit,
                         links, duplicates, banned words)
services/notify.py       the "your question is answered" e-mail
text/render.py           posts as plain text: paragraphs, line breaks, nofollow links, via nh3
text/personal_data.py    PDPA masking of Thai phone and ID numbers
templatetags/qa_board.py post_html / post_plain filters (masked unless the reader moderates)
views/questions.py       list, thread, ask
views/answers.py         answer, accept
views/mine.py            คำถามของฉัน
views/moderation.py      the queue, an action, deleting (a confirmation page first), blocking, the log
views/posting.py         what ask and answer share: address, the visitor's own questions, spam check
views/buttons.py         the moderators' buttons: their words, and only those that change the post
urls.py                  app_name "qa_board", under /qa/
demo/questions.py        demo topics, questions and answers, read from demo/questions.json
migrations/0002_…        the database table the shared "ratelimit" cache counts in
migrations/0003_…        the triggers that bump the "qa_board" data version (not on a view count)
migrations/0004_…        pg_trgm and the trigram indexes of the folded title and body (search)
templates/qa_board/      the pages; static/css/qa_board.css; tests/qa_board/ (factories.py, test_*.py)
"""
