"""Bump the "qa_board" data-version counter on writes to what the board's list shows (see
qa_board/cache.py): questions (but not an UPDATE of the view count alone), answers, topics."""

from django.db import migrations

from chsd_portal.datasql import track_tables

# Every column of qa_board_question but view_count: an UPDATE OF these fires the trigger.
QUESTION_COLUMNS = [
    "title",
    "body",
    "topic_id",
    "subdistrict_id",
    "author_id",
    "display_name",
    "email",
    "status",
    "moderation",
    "hold_reasons",
    "answer_count",
    "content_hash",
    "ip_address",
    "created_at",
    "answered_at",
]
FORWARD = f"""
CREATE TRIGGER "qa_board_question_bump_qa_board" AFTER INSERT OR DELETE OR TRUNCATE ON "qa_board_question"
FOR EACH STATEMENT EXECUTE FUNCTION chsd_portal_bump_data_version('qa_board');
CREATE TRIGGER "qa_board_question_update_bump_qa_board" AFTER UPDATE OF {", ".join(QUESTION_COLUMNS)}
ON "qa_board_question" FOR EACH STATEMENT EXECUTE FUNCTION chsd_portal_bump_data_version('qa_board');
"""
BACKWARD = """
DROP TRIGGER IF EXISTS "qa_board_question_bump_qa_board" ON "qa_board_question";
DROP TRIGGER IF EXISTS "qa_board_question_update_bump_qa_board" ON "qa_board_question";
"""


class Migration(migrations.Migration):
    dependencies = [
        ("qa_board", "0002_ratelimit_cache_table"),
        ("chsd_portal", "0002_data_version"),
    ]

    operations = [
        migrations.RunSQL(FORWARD, BACKWARD),
        track_tables("qa_board", ["qa_board_answer", "qa_board_topic"]),
    ]
