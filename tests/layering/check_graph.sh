#!/usr/bin/env bash
# The layering of lib/ as the build declares it (each folder's target and the folders
# it links, written by CMakeLists.txt to LAYERS_FILE) must be what docs/ARCHITECTURE.md
# draws, and every #include of a lib/ header must point at the folder itself or one it
# links. A relative include ("../books/x.hpp") would get past the compiler's check, so
# it is refused here.
#
#   check_graph.sh LAYERS_FILE REPO
set -u
layers=$1
repo=$2
status=0

drawn=$(sed -n '/<!-- layers:begin -->/,/<!-- layers:end -->/p' "$repo/docs/ARCHITECTURE.md" | grep -E '^[a-z]+ +(→|->)' |
        sed -E 's/ +(→|->) */: /; s/ +/ /g; s/ $//' | sort)
declared=$(sed -E 's/ +/ /g; s/ $//' "$layers" | sort)
if [ "$drawn" != "$declared" ]; then
  echo "docs/ARCHITECTURE.md does not draw the layers the build declares:"
  diff <(echo "$drawn") <(echo "$declared") | sed 's/^</  drawn:   /; s/^>/  declared:/' | grep -v '^---' | grep -vE '^[0-9]'
  status=1
fi

while IFS=: read -r folder deps; do
  allowed=" $folder $deps "
  for file in "$repo"/lib/"$folder"/*.?pp; do
    [ -e "$file" ] || continue
    while IFS= read -r included; do
      target=${included%%/*}
      if [[ "$included" == ../* || "$included" == ./* ]]; then
        echo "${file#$repo/}: relative include \"$included\" (include lib/ headers by their folder)"
        status=1
      elif [ -d "$repo/lib/$target" ] && [[ "$allowed" != *" $target "* ]]; then
        echo "${file#$repo/}: includes \"$included\", but lib/$folder does not link lib/$target"
        status=1
      fi
    done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]+"([^"]+)".*/\1/p' "$file")
  done
done < "$layers"
[ $status -eq 0 ] && echo "layering: $(wc -l < "$layers") folders, every include points down, ARCHITECTURE.md draws the build's graph"
exit $status
