"""The start of a child script that fails on any network use (an audit hook), shared by the offline tests."""
REFUSE_NETWORK = '''import sys
def refuse_network(event, args):
    if event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")):
        raise RuntimeError("network use: " + event)
sys.addaudithook(refuse_network)
'''
