// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace mls {

/// Makes the SVG that QSvgGenerator writes small without changing the picture.
///
/// QSvgGenerator opens a new group with every attribute of the painter's state (fill, stroke,
/// width, caps, joins, transform, font) whenever any of it changes, repeats the font and colour
/// on every `<text>`, and leaves a group behind for every state change that drew nothing. This
/// pass works on any such document, whatever drew it:
/// - the presentation attributes of each element become one CSS class per distinct set, written
///   once in a `<style>` element (`fill="#fff" stroke="none" …` → `class="s3"`);
/// - groups that draw nothing are dropped, and a group that repeats the group just closed
///   (same class and transform) is merged into it;
/// - `matrix(1,0,0,1,x,y)` becomes `translate(x,y)` (the identity: no transform), and
///   `vector-effect="none"` (the default) is dropped.
/// Text stays text; element order, geometry and ids are kept as written.
class SvgCompactor
{
public:
    /// The compacted document; @p svg unchanged when it is not well-formed enough to rewrite.
    static QByteArray compact(const QByteArray &svg);
};

} // namespace mls
