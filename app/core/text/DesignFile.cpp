// SPDX-License-Identifier: MIT
#include "DesignFile.h"

#include "EmbeddedDesign.h"
#include "TextParser.h"
#include "layout/DiagramLayout.h"

#include <QFileInfo>

namespace mls {

bool DesignFile::isText(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("mls"), Qt::CaseInsensitive) == 0;
}

bool DesignFile::isBoardFile(const QString &path)
{
    return path.endsWith(QLatin1String(".mlsketch")) || EmbeddedDesign::isPng(path);
}

ReadResult DesignFile::readFile(const QString &path, const ReadLimits &limits)
{
    if (EmbeddedDesign::isPng(path))
        return EmbeddedDesign::readFile(path, limits);
    if (!isText(path))
        return DiagramReader::readFile(path, limits);
    ReadResult r = TextParser::readFile(path, limits);
    // The text holds no positions: lay the design out so that no two cards share a place.
    if (r.ok() && !r.diagram->components().empty()) {
        const LayoutResult layout = DiagramLayout::apply(*r.diagram, {});
        if (!layout.ok)
            r.warnings << QStringLiteral("not laid out: %1").arg(layout.error);
    }
    return r;
}

} // namespace mls
