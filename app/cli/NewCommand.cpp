// SPDX-License-Identifier: MIT
#include "NewCommand.h"

#include "TemplateLibrary.h"

#include <QCommandLineParser>

namespace mls {

namespace {

const char *const usage = "usage: mlsketch new TEMPLATE -o FILE [--force]\n";

QStringList names(const QVector<TemplateInfo> &templates)
{
    QStringList list;
    for (const TemplateInfo &t : templates)
        list << t.name;
    return list;
}

} // namespace

int NewCommand::listTemplates(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (!args.isEmpty()) {
        err << "mlsketch templates: takes no arguments\n";
        return 2;
    }
    const QVector<TemplateInfo> templates = TemplateLibrary::all();
    int nameWidth = 0, fileWidth = 0;
    for (const TemplateInfo &t : templates) {
        nameWidth = std::max(nameWidth, int(t.name.size()));
        fileWidth = std::max(fileWidth, int(t.path.size()));
    }
    for (const TemplateInfo &t : templates) {
        out << t.name.leftJustified(nameWidth) << "  " << t.path.leftJustified(fileWidth) << "  "
            << (t.summary.isEmpty() ? t.title : t.summary) << '\n';
    }
    return 0;
}

int NewCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, {},
                                    QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"));
    p.addOptions({output, force});
    if (!p.parse(QStringList{QStringLiteral("mlsketch new")} + args)) {
        err << "mlsketch new: " << p.errorText() << '\n' << usage;
        return 2;
    }
    if (p.positionalArguments().size() != 1 || p.value(output).isEmpty()) {
        err << usage;
        return 2;
    }
    const QString name = p.positionalArguments().constFirst();
    const QVector<TemplateInfo> templates = TemplateLibrary::all();
    const auto it = std::find_if(templates.begin(), templates.end(),
                                 [&](const TemplateInfo &t) { return t.name == name; });
    if (it == templates.end()) {
        err << "mlsketch new: unknown template \"" << name
            << "\"; the templates are: " << names(templates).join(QStringLiteral(", ")) << '\n';
        return 2;
    }
    QString error;
    if (!TemplateLibrary::writeCopy(*it, p.value(output), p.isSet(force), &error)) {
        err << "mlsketch new: " << error << '\n';
        return 2;
    }
    out << "Wrote " << p.value(output) << " (a copy of \"" << it->title << "\")\n";
    return 0;
}

} // namespace mls
