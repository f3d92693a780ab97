"""How the notebooks are executed outside JupyterLab, and the fix that keeps it from stalling.

``make rerun`` passes this file to nbconvert (``jupyter nbconvert --config jupyter_nbconvert_config.py``);
``conftest.py`` calls :func:`install` so that papermill and nbclient in the tests get the same fix.
nbval needs none: it reads replies with a blocking client and never answers widget messages.

The stall: when a cell displays something inside an ``ipywidgets.Output`` (every notebook's last
cell, through ``ArticlePicker.view``), nbclient plays the part of the frontend's Output widget and
sends a ``comm_msg`` back to the kernel on the shell socket for each output it captures. It sends
through ``Session.send``, which wraps the asyncio socket in a blocking shadow, while another task
is awaiting that same socket's ``poll`` for the cell's ``execute_reply``. A ZeroMQ socket wakes the
event loop through an edge-triggered file descriptor, and a blocking send processes the socket's
pending commands, so when the reply has just arrived (a short last cell: the reply comes within a
millisecond or two of the displayed output), the send swallows the only wake-up the reply will
get. The reply then sits unread until the cell timeout fires, when pyzmq polls once more, finds
it, and the cell "succeeds": it waits out the whole cell timeout, or forever with none (the
default of nbconvert and of ``make rerun`` before this file). The larger the output, the longer
nbclient spends on it and the wider the window: a bare Output showing a 1 MB HTML page stalls
without claimframe too (``bench/notebook_hangs.py`` counts it).

The fix sends those comm messages through the asyncio socket's own ``send_multipart``, which
after sending checks the socket for a message that arrived meanwhile and wakes the waiting poll.
"""
from __future__ import annotations

#: Seconds a cell may run under ``make rerun`` before it fails (nbval's --nbval-cell-timeout
#: in the Makefile is the same): a stall of any other cause fails loudly instead of hanging.
CELL_TIMEOUT = 300


def _output_widget_class():
    import zmq.asyncio
    from nbclient.jsonutil import json_clean
    from nbclient.output_widget import OutputWidget

    class WakingOutputWidget(OutputWidget):
        """nbclient's Output widget stand-in, sending its comm messages through the asyncio socket."""

        _wakes_shell_poll = True

        def _publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
            socket = self.kernel_client.shell_channel.socket
            if not isinstance(socket, zmq.asyncio.Socket):  # a blocking client: nothing to wake
                return super()._publish_msg(msg_type, data, metadata, buffers, **keys)
            content = json_clean(dict(data={} if data is None else data, comm_id=self.comm_id, **keys))
            session = self.kernel_client.session
            msg = session.msg(msg_type, content=content, parent=self.parent_header,
                              metadata={} if metadata is None else metadata)
            # Sends at once (or queues if the socket would block), then re-reads the socket's
            # events and wakes any pending recv/poll: the step a blocking shadow send skips.
            socket.send_multipart(session.serialize(msg))

    return WakingOutputWidget


def install() -> None:
    """Make every nbclient ``NotebookClient`` created from now on in this process (nbconvert's
    ExecutePreprocessor and papermill's client included) use the fixed Output widget stand-in.

    ``NotebookClient.__init__`` builds its widget registry from ``nbclient.client.OutputWidget``;
    the registry is not a configurable trait, so the name is replaced. Idempotent."""
    import nbclient.client

    if not getattr(nbclient.client.OutputWidget, "_wakes_shell_poll", False):
        nbclient.client.OutputWidget = _output_widget_class()


def installed() -> bool:
    import nbclient.client

    return getattr(nbclient.client.OutputWidget, "_wakes_shell_poll", False)


try:
    c = get_config()  # noqa: F821 - defined when nbconvert loads this file as its config
except NameError:  # imported as a module (conftest.py, tests, bench)
    pass
else:
    install()
    c.ExecutePreprocessor.timeout = CELL_TIMEOUT
