# Sourced by the project's scripts: makes sure a Node.js >= 22.19 is first on PATH.
# Astro 7 needs 22.12, its font loader (undici 8) 22.19; machines of this kind ship Node 20. When the machine's Node is too old we
# fetch the official Node 24 binary from the npm registry (package node-<platform>-<arch>) into
# the git-ignored .tools/ folder once, and put it first on PATH. npm then runs on it too.
# Nothing outside the project folder is changed.

__lt_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
__lt_tools="$__lt_root/.tools/node"

__lt_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=19)?0:1)'
}

if [ -x "$__lt_tools/node_modules/.bin/node" ]; then
  export PATH="$__lt_tools/node_modules/.bin:$PATH"
fi

if ! __lt_node_ok; then
  case "$(uname -s)" in
    Linux) __lt_platform=linux ;;
    Darwin) __lt_platform=darwin ;;
    *) echo "Onbekend besturingssysteem $(uname -s): installeer zelf Node.js 22.19 of nieuwer." >&2; exit 1 ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) __lt_arch=x64 ;;
    aarch64|arm64) __lt_arch=arm64 ;;
    *) echo "Onbekende processor $(uname -m): installeer zelf Node.js 22.19 of nieuwer." >&2; exit 1 ;;
  esac
  echo "Node $(node -v 2>/dev/null || echo '(geen)') is te oud voor Astro 7; Node 24 wordt opgehaald in .tools/node …" >&2
  mkdir -p "$__lt_tools"
  # --ignore-scripts: the package ships the binary itself; nothing needs to run.
  npm install --prefix "$__lt_tools" --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
    "node-$__lt_platform-$__lt_arch@24" >&2 || { echo "Node 24 ophalen is mislukt." >&2; exit 1; }
  export PATH="$__lt_tools/node_modules/.bin:$PATH"
  hash -r
  __lt_node_ok || { echo "Na installatie is Node nog steeds te oud: $(node -v)" >&2; exit 1; }
fi
unset __lt_platform __lt_arch
