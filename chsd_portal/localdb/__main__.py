"""`python -m chsd_portal.localdb stop`: stop the project's own PostgreSQL (`make clean-db`)."""

import os
import sys
from pathlib import Path

from . import stop_servers

if __name__ == "__main__":
    if sys.argv[1:] != ["stop"]:
        sys.exit("usage: python -m chsd_portal.localdb stop")
    data_dir = Path(os.environ.get("LOCAL_DATABASE_DIR") or Path(__file__).resolve().parents[2] / ".data")
    if data_dir.is_dir():
        for pgdata in stop_servers(data_dir):
            print(f"stopped the server of {pgdata}")
