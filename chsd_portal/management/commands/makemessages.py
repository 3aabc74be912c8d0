"""makemessages without msgmerge's fuzzy guesses: a new English string starts untranslated
(and the catalog test says so) instead of borrowing a wrong Thai neighbour."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
