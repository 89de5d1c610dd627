#!/usr/bin/env bash
# Builds Account Console's app-image and the native installers for the OS this runs on.
#
#   packaging/build.sh                  Maven build, jlink runtime, app-image, installers
#   packaging/build.sh --type app-image only the app-image
#   packaging/build.sh --skip-maven     reuse target/account-console.jar and target/lib
#   packaging/build.sh --no-train       no AOT cache (slower first window, nothing launched)
#   packaging/build.sh --app floor      the empty-window floor app of bench/startup.sh instead
#
# Linux: app-image, .deb, and .rpm where rpmbuild exists. Windows (Git Bash, WiX 3 on PATH): .msi.
# macOS: .dmg. Output: target/packaging/<app>/{image,installers}.
#
# The runtime is jlinked from the modules the jars need (jdeps) plus those jdeps cannot see,
# JavaFX included as real modules: the JavaFX jars from Maven are turned into jmods here so their
# native libraries land in the runtime's lib/ instead of being unpacked into ~/.openjfx at start.
# With JDK 25 (the default here) a training run of the packaged launcher (--startup-only: up to its
# first page) writes an AOT cache (JEP 483/515) next to the jars, and the
# launcher's .cfg names it; that cache still matches after the image is installed elsewhere
# (packaging/smoke-test.sh checks it at /opt), unlike a JDK 17 dynamic CDS archive, which is tied
# to the absolute class path.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PKG="$ROOT/packaging"
cd "$ROOT"

APP=console
TYPE=all
SKIP_MAVEN=0
TRAIN=1
while [ $# -gt 0 ]; do
    case "$1" in
        --app) APP=$2; shift 2 ;;
        --type) TYPE=$2; shift 2 ;;
        --skip-maven) SKIP_MAVEN=1; shift ;;
        --no-train) TRAIN=0; shift ;;
        -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown option $1" >&2; exit 1 ;;
    esac
done
case "$TYPE" in app-image|all) ;; *) echo "build.sh: --type app-image|all" >&2; exit 1 ;; esac
# The floor exists only to be timed against; its image is all the benchmark needs.
[ "$APP" = floor ] && TYPE=app-image

log() { printf '[packaging] %s\n' "$*" >&2; }
die() { printf '[packaging] error: %s\n' "$*" >&2; exit 1; }

case "$(uname -s)" in
    Linux) OS=linux ;;
    Darwin) OS=macos ;;
    MINGW*|MSYS*|CYGWIN*) OS=windows ;;
    *) die "unsupported OS $(uname -s)" ;;
esac

# The JDK whose jlink and jpackage make the image: PACKAGING_JDK, else Temurin 25 where this
# project's machines keep it, else JAVA_HOME. The app itself is compiled for release 17.
pick_jdk() {
    if [ -n "${PACKAGING_JDK:-}" ]; then echo "$PACKAGING_JDK"; return; fi
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64; do
        [ -x "$candidate/bin/jpackage" ] && { echo "$candidate"; return; }
    done
    [ -n "${JAVA_HOME:-}" ] && { echo "$JAVA_HOME"; return; }
    die "set PACKAGING_JDK (or JAVA_HOME) to a JDK 25 with jpackage"
}
JDK=$(pick_jdk)
EXE=""; [ "$OS" = windows ] && EXE=.exe
for tool in java jlink jpackage jdeps jmod javac jar; do
    [ -x "$JDK/bin/$tool$EXE" ] || die "$JDK/bin/$tool$EXE not found"
done
JDK_FEATURE=$("$JDK/bin/java$EXE" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p' | tr -d '\r')
log "packaging JDK: $JDK (Java $JDK_FEATURE)"

VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)
APP_VERSION=${VERSION%-SNAPSHOT}

OUT="$ROOT/target/packaging/$APP"
WORK="$OUT/work"
rm -rf "$OUT"
mkdir -p "$WORK/input" "$WORK/jmods" "$OUT/installers"

# --- The application's jars -------------------------------------------------------------------
if [ "$SKIP_MAVEN" = 0 ]; then
    log "Maven package (tests skipped; run them with ./mvnw verify)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
LIB="$ROOT/target/lib"
[ -d "$LIB" ] || die "target/lib missing: run without --skip-maven"
shopt -s nullglob
FX_JARS=()
for jar in "$LIB"/javafx-*-*.jar; do
    # The platform jars (javafx-graphics-21.0.12-linux.jar); the empty ones without classifier are skipped.
    [[ "$(basename "$jar")" =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]] && FX_JARS+=("$jar")
done
[ ${#FX_JARS[@]} -gt 0 ] || die "no JavaFX platform jars in $LIB"

case "$APP" in
    console)
        NAME_LINUX=account-console
        MAIN_CLASS=dev.accountconsole.Main
        MAIN_JAR=account-console.jar
        cp "$ROOT/target/account-console.jar" "$WORK/input/"
        mkdir -p "$WORK/input/lib"
        for jar in "$LIB"/*.jar; do
            case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$WORK/input/lib/" ;; esac
        done
        ;;
    floor)
        NAME_LINUX=account-console-floor
        MAIN_CLASS=dev.accountconsole.bench.floor.FloorMain
        MAIN_JAR=floor.jar
        FX_MP=$(IFS=:; [ "$OS" = windows ] && IFS=';'; echo "${FX_JARS[*]}")
        "$JDK/bin/javac$EXE" --release 17 -d "$WORK/floor-classes" --module-path "$FX_MP" \
            --add-modules javafx.controls "$ROOT"/bench/startup/floor/src/dev/accountconsole/bench/floor/*.java
        "$JDK/bin/jar$EXE" --create --file "$WORK/input/floor.jar" -C "$WORK/floor-classes" .
        ;;
    *) die "--app console|floor" ;;
esac
case "$OS" in
    linux) NAME=$NAME_LINUX ;;
    *) [ "$APP" = console ] && NAME="Account Console" || NAME="Account Console Floor" ;;
esac

# Jars stored, not deflated: the installers compress the whole image (xz in the .deb), and they
# compress plain class files far better than deflated ones (about 4 MB off the .deb). Entry order and
# contents are kept as they are; the jar files become larger on disk, which costs nothing at start.
if command -v python3 >/dev/null; then
    find "$WORK/input" -name '*.jar' -print0 | xargs -0 python3 "$PKG/store-jars.py"
else
    log "python3 not found: jars left deflated (larger installers)"
fi

# --- JavaFX jmods from the Maven jars ----------------------------------------------------------
for jar in "${FX_JARS[@]}"; do
    module=$(basename "$jar" | sed -E 's/^javafx-([a-z]+)-.*/javafx.\1/')
    dir="$WORK/fx/$module"
    mkdir -p "$dir/classes" "$dir/libs"
    (cd "$dir/classes" && "$JDK/bin/jar$EXE" --extract --file "$jar")
    find "$dir/classes" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) \
        -exec mv {} "$dir/libs/" \;
    # SWT interop and the jar's own manifest are not part of the module.
    rm -f "$dir/classes/javafx-swt.jar" "$dir/classes/META-INF/MANIFEST.MF"
    libs=(); [ -n "$(ls -A "$dir/libs")" ] && libs=(--libs "$dir/libs")
    "$JDK/bin/jmod$EXE" create --class-path "$dir/classes" "${libs[@]}" "$WORK/jmods/$module.jmod"
done

# --- Modules: what jdeps sees, plus what it cannot ---------------------------------------------
# jdk.crypto.ec: TLS with EC keys (an empty module on JDK 22+, kept where it exists);
# jdk.localedata, jdk.charsets: Chinese dates, numbers and GBK/GB18030 text;
# javafx.fxml: the console's views are FXML, loaded by reflection;
# jdk.unsupported: sun.misc.Unsafe for Kotlin/Okio and H2; java.naming: TLS host names via JNDI.
# The console's jars decide the modules for both apps, so the floor runs on the same runtime.
FX_MP=$(IFS=:; [ "$OS" = windows ] && IFS=';'; echo "${FX_JARS[*]}")
APP_JARS=("$ROOT/target/account-console.jar")
for jar in "$LIB"/*.jar; do
    case "$(basename "$jar")" in javafx-*) ;; *) APP_JARS+=("$jar") ;; esac
done
CP=$(IFS=:; [ "$OS" = windows ] && IFS=';'; echo "${APP_JARS[*]}")
DEPS=$("$JDK/bin/jdeps$EXE" --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "$FX_MP" --class-path "$CP" "${APP_JARS[@]}" 2>/dev/null | tail -1 | tr -d '\r')
[[ "$DEPS" =~ ^[a-z.,]+$ ]] || die "jdeps failed: $DEPS"
EXTRA=javafx.controls,javafx.fxml,jdk.localedata,jdk.charsets,jdk.unsupported,java.naming
if "$JDK/bin/java$EXE" --list-modules | grep -q '^jdk.crypto.ec@'; then EXTRA="$EXTRA,jdk.crypto.ec"; fi
MODULES=$(echo "$DEPS,$EXTRA" | tr ',' '\n' | sort -u | paste -sd, -)
log "modules: $MODULES"

# --- Runtime -----------------------------------------------------------------------------------
# Classes uncompressed (zip-compressed modules start slower, and the installers compress better
# than zip); only the English and Chinese locale data; no debug attributes, headers or man pages;
# no sound or AWT splash-screen natives (unused, and the sound one would make the .deb depend on ALSA).
"$JDK/bin/jlink$EXE" --module-path "$WORK/jmods" --add-modules "$MODULES" \
    --include-locales=en,zh --strip-debug --no-header-files --no-man-pages \
    --exclude-files='glob:**/*jsound*,glob:**/*splashscreen*' \
    --output "$WORK/runtime"

# Symbols are not needed to run (libjvm.so alone: 29.8 -> 24.8 MB); debug info ships with the JDK.
if [ "$OS" = linux ] && command -v strip >/dev/null; then
    find "$WORK/runtime" -name '*.so' -exec chmod u+w {} + -exec strip --strip-unneeded {} +
fi

# --- App-image ---------------------------------------------------------------------------------
ICON_ARGS=()
case "$OS" in
    linux) ICON_ARGS=(--icon "$PKG/linux/account-console.png") ;;
    windows) ICON_ARGS=(--icon "$PKG/windows/account-console.ico") ;;
    macos) ICON_ARGS=(--icon "$PKG/macos/account-console.icns") ;;
esac
METADATA=(@"$PKG/metadata.opts" --app-version "$APP_VERSION")
log "jpackage app-image"
# JDK 24+ warns on every start that JavaFX loads native code (JEP 472) unless it is allowed.
NEW_JDK_OPTS=()
[ "$JDK_FEATURE" -ge 24 ] && NEW_JDK_OPTS=(--java-options --enable-native-access=javafx.graphics)
"$JDK/bin/jpackage$EXE" --type app-image --dest "$OUT/image" --name "$NAME" "${METADATA[@]}" \
    @"$PKG/java.opts" @"$PKG/$OS/app.opts" "${NEW_JDK_OPTS[@]}" "${ICON_ARGS[@]}" --runtime-image "$WORK/runtime" --input "$WORK/input" \
    --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS"

case "$OS" in
    macos) IMAGE="$OUT/image/$NAME.app"; APPDIR="$IMAGE/Contents/app"
           LAUNCHER="$IMAGE/Contents/MacOS/$NAME" ;;
    windows) IMAGE="$OUT/image/$NAME"; APPDIR="$IMAGE/app"; LAUNCHER="$IMAGE/$NAME.exe" ;;
    *) IMAGE="$OUT/image/$NAME"; APPDIR="$IMAGE/lib/app"; LAUNCHER="$IMAGE/bin/$NAME" ;;
esac

# Linux desktop entry and icon, installed by the .deb/.rpm scripts in packaging/linux/resources.
if [ "$OS" = linux ]; then
    mkdir -p "$IMAGE/lib/desktop"
    cp "$PKG/linux/account-console.desktop" "$PKG/linux/account-console.png" "$IMAGE/lib/desktop/"
    cp "$PKG/LICENSE.txt" "$IMAGE/lib/LICENSE.txt"
fi

# --- AOT cache from a training run -------------------------------------------------------------
AOT_NAME=app.aot
if [ "$TRAIN" = 1 ] && [ "$JDK_FEATURE" -ge 25 ]; then
    TRAIN_HOME="$WORK/train-home"
    mkdir -p "$TRAIN_HOME"
    # Trained on the start alone: --startup-only opens the window up to its first page and exits 0
    # (no sandbox, no call), and the JVM writes the cache on the way out. A cache from a whole
    # --smoke-test run (sandbox, H2, a search) was 59 MB, 10.4 MB in the .deb, which then passed the
    # 35 MB ceiling; the start is what the cache is for.
    log "training run: $NAME --startup-only, writing the AOT cache"
    # A run that hangs (a dialog nobody answers) ends the build instead of stalling it.
    run=(timeout 300 "$LAUNCHER" --startup-only)
    if [ "$OS" = linux ] && [ -z "${DISPLAY:-}" ]; then
        command -v xvfb-run >/dev/null || die "xvfb-run is needed for the training run (apt-get install xvfb), or use --no-train"
        run=(xvfb-run -a -s "-screen 0 1280x1024x24" "${run[@]}")
    fi
    AOT_OUT="$APPDIR/$AOT_NAME"
    AOT_LOG="$WORK/aot-training.log"
    # An environment variable is not translated by Git Bash as arguments are.
    [ "$OS" = windows ] && { AOT_OUT=$(cygpath -w "$AOT_OUT"); AOT_LOG=$(cygpath -w "$AOT_LOG"); }
    # The per-user data of the training run stays in the build folder.
    if ! HOME="$TRAIN_HOME" ACCOUNT_CONSOLE_HOME="$TRAIN_HOME/account-console" \
        XDG_CONFIG_HOME="$TRAIN_HOME/.config" XDG_DATA_HOME="$TRAIN_HOME/.local/share" \
        XDG_STATE_HOME="$TRAIN_HOME/.local/state" \
        JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$AOT_OUT -Xlog:aot=warning:file=$AOT_LOG" \
        "${run[@]}" >"$WORK/training.out" 2>&1; then
        cat "$WORK/training.out" >&2
        die "the training run of $NAME failed; fix it, or build with --no-train"
    fi
    [ -s "$APPDIR/$AOT_NAME" ] || { cat "$WORK/training.out" >&2; die "no AOT cache was written"; }
    for cfg in "$APPDIR"/*.cfg; do
        printf 'java-options=-XX:AOTCache=$APPDIR/%s\n' "$AOT_NAME" >>"$cfg"
    done
    log "AOT cache: $(du -h "$APPDIR/$AOT_NAME" | cut -f1)"
elif [ "$TRAIN" = 1 ]; then
    log "JDK $JDK_FEATURE has no AOT cache (needs 25); image built without one"
fi

[ "$TYPE" = app-image ] && { log "app-image: $IMAGE"; exit 0; }

# --- Installers --------------------------------------------------------------------------------
installer() {
    log "jpackage --type $1"
    "$JDK/bin/jpackage$EXE" --type "$1" --dest "$OUT/installers" --name "$NAME" "${METADATA[@]}" \
        @"$PKG/$OS/installer.opts" --license-file "$PKG/LICENSE.txt" --app-image "$IMAGE" "${@:2}"
}
case "$OS" in
    linux)
        # Dependencies by each family's package names (GTK 3 and OpenGL for the JavaFX natives).
        installer deb --resource-dir "$PKG/linux/resources" --linux-package-deps "libgtk-3-0, libgl1"
        # jpackage leaves dpkg-deb at its default (xz -6, 8 MiB window); -9 extreme sees repeats
        # across the 170 MB image: 35.8 -> 34.6 MB with the real console. File times are kept
        # (the AOT cache checks the jars' times), so no SOURCE_DATE_EPOCH clamping here.
        for deb in "$OUT"/installers/*.deb; do
            log "recompressing $(basename "$deb") with xz -9e, 192 MiB window"
            rm -rf "$WORK/deb-root"
            dpkg-deb -R "$deb" "$WORK/deb-root"
            # jpackage copies the app-image into the package without its file times, but the AOT
            # cache made from the image checks the jars' times: give every packaged file back the
            # time it had in the image, or the installed console starts without the cache.
            (cd "$IMAGE" && find . -type f) | while IFS= read -r f; do
                if [ -e "$WORK/deb-root/opt/$NAME/$f" ]; then
                    touch -r "$IMAGE/$f" "$WORK/deb-root/opt/$NAME/$f"
                fi
            done
            # dpkg-deb cannot choose xz's window (8 MiB at -6, 64 MiB at -9): the package is built
            # uncompressed, its members compressed here, the data with a 192 MiB window (the image
            # is 170 MB, and repeats that far apart count: 34.68 -> 34.32 MB; installing needs
            # about 200 MB of memory to unpack it), and the members put back in dpkg's order.
            env -u SOURCE_DATE_EPOCH dpkg-deb --root-owner-group -Znone -b "$WORK/deb-root" "$WORK/plain.deb" >/dev/null
            rm -rf "$WORK/deb-ar"
            mkdir "$WORK/deb-ar"
            (cd "$WORK/deb-ar" && ar x "$WORK/plain.deb" && xz -9e -T1 control.tar \
                && xz --lzma2=preset=9e,dict=192MiB -T1 data.tar \
                && rm -f "$deb" && ar rc "$deb" debian-binary control.tar.xz data.tar.xz)
        done
        if command -v rpmbuild >/dev/null; then
            installer rpm --linux-package-deps "gtk3, mesa-libGL"
        else
            log "rpmbuild not found: no .rpm"
        fi
        ;;
    windows) installer msi ;;
    macos) installer dmg ;;
esac
rm -rf "$WORK"
log "done:"
ls -l "$OUT/installers" >&2
