// SPDX-License-Identifier: MIT
#include "TemplateLibrary.h"

#include "Catalog.h"
#include "DesignSteps.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "MetaFields.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QStandardPaths>

namespace mls {

namespace {

Q_LOGGING_CATEGORY(lcTemplates, "mls.app.templates")

const QString builtinFolder = QStringLiteral(":/templates");

/// Reads @p path into a TemplateInfo; invalid (empty path) when the file cannot be read.
TemplateInfo describe(const QString &path, TemplateInfo::Source source)
{
    TemplateInfo t;
    const ReadResult r = DiagramReader::readFile(path);
    if (!r.ok()) {
        qCWarning(lcTemplates, "skipping template: %s", qUtf8Printable(r.error));
        return t;
    }
    const Meta &meta = r.diagram->meta();
    t.name = QFileInfo(path).completeBaseName();
    t.title = meta.title.isEmpty() ? t.name : meta.title;
    t.summary = known::templateSummary(meta);
    t.tags = known::templateTags(meta);
    t.path = path;
    t.steps = DesignSteps::of(meta);
    t.componentCount = int(r.diagram->components().size());
    t.connectionCount = int(r.diagram->connections().size());
    t.latencyBudgetMs = meta.latencyBudgetMs;
    t.source = source;
    return t;
}

void addFolder(const QString &folder, TemplateInfo::Source source, QSet<QString> &seen,
               QVector<TemplateInfo> &out)
{
    const QDir dir(folder);
    const QStringList files =
        dir.entryList({QStringLiteral("*.mlsketch")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &file : files) {
        const QString name = QFileInfo(file).completeBaseName();
        if (seen.contains(name))
            continue;
        TemplateInfo t = describe(dir.filePath(file), source);
        if (!t.isValid())
            continue;
        seen.insert(name);
        out.append(t);
    }
}

} // namespace

bool TemplateInfo::matches(const QString &text) const
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return true;
    if (title.contains(needle, Qt::CaseInsensitive) || name.contains(needle, Qt::CaseInsensitive))
        return true;
    for (const QString &tag : tags) {
        if (tag.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QStringList TemplateLibrary::folders()
{
    QStringList list;
    if (QCoreApplication::instance()) {
        list << QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                QStringLiteral("/../share/mlsketch/templates"));
    }
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!data.isEmpty())
        list << QDir(data).filePath(QStringLiteral("templates"));
    return list;
}

QVector<TemplateInfo> TemplateLibrary::all()
{
    initCoreResources();
    QVector<TemplateInfo> result;
    QSet<QString> seen;
    addFolder(builtinFolder, TemplateInfo::Source::BuiltIn, seen, result);
    const QStringList extra = folders();
    for (int i = 0; i < extra.size(); ++i) {
        addFolder(extra[i], i == 0 ? TemplateInfo::Source::Shared : TemplateInfo::Source::User,
                  seen, result);
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

QStringList TemplateLibrary::stepIds()
{
    return DesignSteps::ids();
}

QString TemplateLibrary::stepTitle(const QString &id)
{
    return DesignSteps::title(id);
}

bool TemplateLibrary::isTemplatePath(const QString &path)
{
    if (path.startsWith(QLatin1Char(':')))
        return true;
    const QString dir = QFileInfo(path).absoluteDir().canonicalPath();
    if (dir.isEmpty())
        return false;
    for (const QString &folder : folders()) {
        if (QFileInfo(folder).canonicalFilePath() == dir)
            return true;
    }
    return false;
}

bool TemplateLibrary::writeCopy(const TemplateInfo &t, const QString &path, bool overwrite,
                                QString *error)
{
    if (!overwrite && QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("%1: already exists (use --force to replace it)").arg(path);
        return false;
    }
    const ReadResult r = DiagramReader::readFile(t.path);
    if (!r.ok()) {
        if (error)
            *error = r.error;
        return false;
    }
    return DiagramWriter::save(*r.diagram, path, error);
}

} // namespace mls
