// SPDX-License-Identifier: MIT
#pragma once

#include "DiagramReader.h"

#include <QImage>

namespace mls {

/// A design carried inside a PNG picture, as draw.io does: the `.mlsketch` JSON in a PNG text
/// chunk, so an exported picture opens again as the editable diagram.
class EmbeddedDesign
{
public:
    /// The PNG text-chunk key the design is stored under.
    static constexpr const char *key = "mlsketch";

    /// True when @p path names a PNG file (by its extension).
    static bool isPng(const QString &path);
    /// Puts @p d into @p image's text; returns false (image unchanged) when the writer refuses
    /// the design, e.g. over the limits.
    static bool embed(const Diagram &d, QImage &image);
    /// Reads the design embedded in the PNG at @p path through the ordinary reader (same
    /// limits, same errors); a PNG without one is an error saying so.
    static ReadResult readFile(const QString &path, const ReadLimits &limits = {});
};

} // namespace mls
