"""Write a small, valid content tree (two locales) so loader and check tests do not depend on shipped text."""
from pathlib import Path

LOCALES = '''source = "zh-CN"

[locales."zh-CN"]
name = "简体中文"

[locales.en]
name = "English"
fallback = ["zh-CN"]
'''

CONTACTS = '''default_profile = "tokenpocket"

[profiles.tokenpocket]
name = "TokenPocket"
support_email = "service@tokenpocket.pro"
domains = ["tokenpocket.pro", "tpwallet.io"]
'''

FLOW = '''[flow]
start = "gate"

[nodes.gate]
kind = "question"
choices = [{ id = "yes", next = "scam" }, { id = "no", next = "restart_app" }]

[nodes.scam]
kind = "outcome"
outcome = "urgent"

[nodes.restart_app]
kind = "step"
solved = "fixed"
unsolved = "escalate"

[nodes.fixed]
kind = "outcome"
outcome = "resolved"

[nodes.escalate]
kind = "outcome"
outcome = "escalate"
'''

TEXTS = {
    "zh-CN": '''[flow]
title = "应用打不开"
summary = "打开钱包应用时闪退或卡住。"

[nodes.gate]
title = "有人主动联系你提供帮助吗？"
choices.yes = "有"
choices.no = "没有"

[nodes.scam]
title = "这是诈骗"
body = "立即停止回复。"

[nodes.restart_app]
title = "重启手机"
body = "关机再开机，然后重新打开应用。"

[nodes.fixed]
title = "已解决"
body = "很好。"

[nodes.escalate]
title = "联系客服"
body = "我们来准备客服邮件。"
''',
    "en": '''[flow]
title = "The app will not open"
summary = "The wallet app crashes or hangs on start."

[nodes.gate]
title = "Did anyone contact you offering help?"
choices.yes = "Yes"
choices.no = "No"

[nodes.scam]
title = "This is a scam"
body = "Stop replying now."

[nodes.restart_app]
title = "Restart the phone"
body = "Turn it off and on, then open the app again."

[nodes.fixed]
title = "Solved"
body = "Good."

[nodes.escalate]
title = "Contact support"
body = "We will prepare the support email."
''',
}

EMAIL = '''[template]
subject = "[{{ wallet }}] {{ case }} {{ reference }}"
body = \'\'\'
{{ case }}
{% for s in steps %}
- {{ s.done }}: {{ s.result }}
{% endfor %}
\'\'\'
'''

UI = '''[step]
solved = "ok"
unsolved = "no"
result_solved = "ok"
result_unsolved = "no"
'''


def write_content(root: Path) -> Path:
    (root / "flows").mkdir(parents=True)
    (root / "locales.toml").write_text(LOCALES, encoding="utf-8")
    (root / "contacts.toml").write_text(CONTACTS, encoding="utf-8")
    (root / "flows" / "app_crash.toml").write_text(FLOW, encoding="utf-8")
    for code, text in TEXTS.items():
        folder = root / "locales" / code
        folder.mkdir(parents=True)
        (folder / "app_crash.toml").write_text(text, encoding="utf-8")
        (folder / "email.toml").write_text(EMAIL, encoding="utf-8")
        (folder / "ui.toml").write_text(UI, encoding="utf-8")
    return root


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
