"""A contents manager that never writes: the e2e suite opens the committed notebooks and runs
them, and nothing it does (Run All, a stray Ctrl-S, autosave) may overwrite them. The one
exception is the folder named by $CLAIMFRAME_E2E_WRITABLE (under the server's root), where a
test saves a copy of a notebook to reopen it.

The JupyterLab server started by ``conftest.py`` imports this module (``tests/e2e`` is put on its
PYTHONPATH) as ``--ServerApp.contents_manager_class=readonly_contents.ReadOnlyContentsManager``.
"""
import os
from datetime import datetime, timezone

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from tornado.web import HTTPError


class ReadOnlyContentsManager(AsyncLargeFileManager):
    """Reads like the default manager; refuses every write with 403."""

    def _writable(self, path: str) -> bool:
        folder = os.environ.get("CLAIMFRAME_E2E_WRITABLE", "").strip("/")
        parts = path.strip("/").split("/")
        return bool(folder) and ".." not in parts and "/".join(parts).startswith(folder + "/")

    def _refuse(self, path: str = ""):
        raise HTTPError(403, f"claimframe e2e: the notebooks are read-only in tests (tried to write {path!r})")

    async def save(self, model, path=""):
        if self._writable(path):
            return await super().save(model, path)
        self._refuse(path)

    async def delete_file(self, path):
        self._refuse(path)

    async def rename_file(self, old_path, new_path):
        self._refuse(old_path)

    async def create_checkpoint(self, path):
        # JupyterLab asks for a first checkpoint when it opens a notebook; say yes, write nothing.
        return {"id": "checkpoint", "last_modified": datetime.now(timezone.utc)}

    async def restore_checkpoint(self, checkpoint_id, path):
        self._refuse(path)
