#include "TemplateLibrary.h"

#include "Catalog.h"
#include "DiagramReader.h"

#include <QDir>
#include <QFileInfo>

namespace mls {

QVector<TemplateInfo> TemplateLibrary::all()
{
    initCoreResources();
    QVector<TemplateInfo> result;
    const QDir dir(QStringLiteral(":/templates"));
    const QStringList files =
        dir.entryList({QStringLiteral("*.mlsketch")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        TemplateInfo t;
        t.name = QFileInfo(file).completeBaseName();
        t.path = dir.filePath(file);
        const ReadResult r = DiagramReader::readFile(t.path);
        t.title = r.ok() ? r.diagram->meta().title : QString();
        if (t.title.isEmpty())
            t.title = t.name;
        result.append(t);
    }
    return result;
}

TemplateInfo TemplateLibrary::find(const QString &name)
{
    for (const TemplateInfo &t : all()) {
        if (t.name == name)
            return t;
    }
    return {};
}

} // namespace mls
