# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# The public contract (OpenAPI, docs/api.md) and the container images (Jib-free tarballs).

# ---------------------------------------------------------------- images

# The JRE the images run: the modules of Java SE plus the charsets (GBK/GB18030 roll imports), Chinese locale data,
# elliptic-curve crypto (ES/RS tokens, TLS) and what Quarkus and its libraries reach for.
JRE_MODULES=java.se,jdk.charsets,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs,jdk.jfr,jdk.management.jfr

# The runtime layer every image shares, assembled from this machine's JDK: a jlink'd JRE in /opt/java, the system
# libraries it links against (found with ldd) at their own paths, the dynamic loader, a passwd with user 185, /tmp,
# and the CJK font of the case documents.
image_runtime() { # dir
  local dir=$1 java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  [ -d "$java_home/jmods" ] || die "no jmods in $java_home (jlink needs them; Debian: openjdk-17-jdk-headless)"
  if [ -x "$dir/opt/java/bin/java" ] && [ "$dir.stamp" -nt "$java_home/release" ] && [ "$dir.stamp" -nt "$ROOT/suite" ] \
    && [ "$dir.stamp" -nt "$ROOT/tools/suite/images.sh" ]; then
    return
  fi
  say "assembling the image runtime (jlink of $java_home)"
  rm -rf "$dir" "$dir.stamp"
  mkdir -p "$dir/opt" "$dir/etc" "$dir/tmp" "$dir/deployments"
  "$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages \
    --no-header-files --compress=2 --output "$dir/opt/java" >&2 || die "jlink failed"
  # jlink keeps Debian's symlinks (legal notices, cacerts): the image gets the files themselves
  find "$dir/opt/java" -type l | while read -r link; do
    if [ -e "$link" ]; then cp -L "$link" "$link.copy" && mv -f "$link.copy" "$link"; else rm -f "$link"; fi
  done
  local lib
  find "$dir/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null |
    awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$dir" | sort -u |
    while read -r lib; do
      mkdir -p "$dir$(dirname "$lib")"
      cp -L "$lib" "$dir$lib"
    done
  # the CJK font case-service sets its printable documents in, at the path it reads by default (lianluo.documents.font)
  ensure_documents
  mkdir -p "$dir$(dirname "$CJK_FONT")"
  cp "$CJK_FONT" "$dir$CJK_FONT"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nlianluo:x:185:185:Lianluo:/deployments:/sbin/nologin\n' > "$dir/etc/passwd"
  printf 'root:x:0:\nlianluo:x:185:\n' > "$dir/etc/group"
  chmod 1777 "$dir/tmp"
  touch "$dir.stamp"
}

cmd_contract() {
  ensure_wrapper
  say "building the modules (their OpenAPI documents are generated as they are built)"
  # the console (web/) is typed from the contract this writes: it is built after it, not before (exec.skip)
  (cd "$ROOT" && mvnw package -DskipTests -Dexec.skip=true)
  (cd "$ROOT/tools/contract" && { [ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } \
    && node merge.mjs)
  say "building the console and the gateway against the new contract"
  (cd "$ROOT" && mvnw package -DskipTests -pl web,gateway)
}

cmd_images() {
  ensure_wrapper
  local out="$STATE/images" tag cpfile s
  tag=$(sed -n 's:.*<image.tag>\(.*\)</image.tag>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
  [ -n "$tag" ] || die "no <image.tag> in pom.xml"
  if [ "${1:-}" != "--no-build" ]; then
    say "building the six services (the gateway's image carries the console)"
    ensure_node
    (cd "$ROOT" && mvnw -DskipTests package) || die "the build failed"
  fi
  for s in "${SERVICES[@]}"; do
    [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || die "$s is not built (./mvnw package, or ./suite images without --no-build)"
  done
  mkdir -p "$out"
  image_runtime "$out/runtime"
  cpfile="$out/classpath.txt"
  if [ ! -f "$cpfile" ] || [ "$ROOT/tools/image-builder/pom.xml" -nt "$cpfile" ]; then
    "$ROOT/mvnw" -B -q -f "$ROOT/tools/image-builder/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2 ||
      die "could not resolve Jib's classpath"
  fi
  for s in "${SERVICES[@]}"; do
    java -cp "$(cat "$cpfile")" "$ROOT/tools/image-builder/ImageBuilder.java" "$out/runtime" "$ROOT/$s/target/quarkus-app" \
      "lianluo/$s:$tag" "${PORT[$s]}" "$out/$s.tar" || die "the image of $s failed"
  done
  say "images in $out/: $(cd "$out" && printf '%s ' ./*.tar)(load one with: docker load -i $out/gateway.tar, or push with skopeo/crane)"
}
