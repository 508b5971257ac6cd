"""Interface language helpers for the app: the language in force and translated key bindings.

Every word comes from :data:`ita_tui.i18n.CATALOGUE` through :func:`ita_tui.i18n.t`;
this module only applies it to Textual objects.  Bindings are declared with English
descriptions (Textual needs a class-level ``BINDINGS``) and re-described in the app's
language when a widget mounts and when the language switches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from ita_tui.i18n import Lang, t

# Textual's own screen bindings (Screen.BINDINGS), shown in its keys panel.
SCREEN_KEYS: dict[str, str] = {
    "app.focus_next": "app.key.focus_next",
    "app.focus_previous": "app.key.focus_previous",
    "screen.copy_text": "app.key.copy",
}


def app_lang(node: DOMNode) -> Lang:
    """The language of *node*'s app (``en`` when the app has none)."""
    lang = getattr(node.app, "lang", "en")
    return "th" if lang == "th" else "en"


def localize_bindings(node: DOMNode, descriptions: Mapping[str, str], lang: Lang) -> None:
    """Describe *node*'s bindings in *lang*.

    *descriptions* maps a binding's action to a catalogue key (Textual's screen keys in
    :data:`SCREEN_KEYS` are added); a binding that has a tooltip takes it from
    ``<key>_tooltip``.  Bindings of other actions are left as they are.  Only this
    node's copy of its bindings changes (Textual copies the class's map per instance).
    """
    descriptions = {**SCREEN_KEYS, **descriptions}
    bindings = node._bindings
    for key, entries in list(bindings.key_to_bindings.items()):
        bindings.key_to_bindings[key] = [_describe(entry, descriptions, lang) for entry in entries]
    node.refresh_bindings()


def _describe(binding: Binding, descriptions: Mapping[str, str], lang: Lang) -> Binding:
    catalogue_key = descriptions.get(binding.action)
    if catalogue_key is None:
        return binding
    description = t(catalogue_key, lang)
    tooltip = t(f"{catalogue_key}_tooltip", lang) if binding.tooltip else ""
    return replace(binding, description=description, tooltip=tooltip)
