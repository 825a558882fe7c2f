// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <utility>

namespace mls {

/// A reference design: a shipped or user-provided .mlsketch file that opens as an untitled copy.
struct TemplateInfo
{
    enum class Source
    {
        BuiltIn,
        Shared,
        User
    };

    QString name;     ///< file base name, e.g. "video_recommendation"
    QString title;    ///< meta.title (the name when the file has none)
    QString summary;  ///< meta.summary: one or two sentences
    QStringList tags; ///< meta.tags
    QString path;     ///< ":/templates/<name>.mlsketch" or a file in a templates folder
    /// meta.steps: the notes per step of the seven-step framework, (step id, text) in file order
    QVector<std::pair<QString, QString>> steps;
    int componentCount = 0;
    int connectionCount = 0;
    double latencyBudgetMs = 0;
    Source source = Source::BuiltIn;

    bool isValid() const { return !path.isEmpty(); }
    /// True when @p text (case-insensitive) is part of the title, the name or one of the tags.
    bool matches(const QString &text) const;
};

/// Finds the templates: compiled in (":/templates"), then `<exe dir>/../share/mlsketch/templates`
/// when mlsketch is installed, then the user's `<AppDataLocation>/templates`. A name already
/// seen is skipped, so a copy cannot shadow a built-in one.
class TemplateLibrary
{
public:
    /// Every template, built-in ones first, each group sorted by name. Unreadable files are
    /// skipped with a log message.
    static QVector<TemplateInfo> all();
    /// The template with this name, or an invalid TemplateInfo when there is none.
    static TemplateInfo find(const QString &name);
    /// The folders searched after the compiled-in templates (existing or not).
    static QStringList folders();
    /// True when @p path is a template (a resource or a file inside a templates folder):
    /// such a file opens as an untitled copy and is never saved over.
    static bool isTemplatePath(const QString &path);
    /// The seven steps of the design framework, as the ids used in meta.steps.
    static QStringList stepIds();
    /// A step id as a heading ("frame_ml_task" → "Frame as an ML task"); unknown ids as is.
    static QString stepTitle(const QString &id);
    /// Writes an untitled copy of @p t to @p path (atomically). Refuses to replace an
    /// existing file unless @p overwrite. On failure returns false with a message in @p error.
    static bool writeCopy(const TemplateInfo &t, const QString &path, bool overwrite,
                          QString *error);
};

} // namespace mls
