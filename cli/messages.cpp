#include "messages.hpp"

#include <cstddef>

namespace cfund::cli {

namespace {

struct Row {
  Msg id;
  const char* zh;
  const char* en;
};

// One row per message, in the order of enum Msg (checked below at compile time).
constexpr Row kCatalogue[] = {
    // --help
    {Msg::usage, "用法", "Usage"},
    {Msg::options, "选项", "Options"},
    {Msg::positionals, "参数", "Arguments"},
    {Msg::subcommands, "子命令", "Subcommands"},
    {Msg::help_flag, "显示本帮助并退出", "print this help and exit"},
    {Msg::version_flag, "显示版本并退出", "print the version and exit"},
    {Msg::required, "必填", "REQUIRED"},
    {Msg::environment, "环境变量", "env"},
    {Msg::allowed, "可选：{0}", "one of: {0}"},
    {Msg::default_value, "默认：{0}", "default: {0}"},
    {Msg::hint_separator, "；", "; "},
    {Msg::help_footer, "在命令后加 --help 查看该命令的用法", "Add --help after a command to see how to use it"},
    {Msg::value_text, "文字", "TEXT"},
    {Msg::value_account, "账户", "ACCOUNT"},
    {Msg::value_designation, "资金用途", "DESIGNATION"},
    {Msg::value_project, "项目", "PROJECT"},
    {Msg::period_help, "期间：2025-03、2025-Q1、2025，或 起..止（如 2023-10..2024-09、2025-01-10..2025-02-20）",
     "period: 2025-03, 2025-Q1, 2025, or FROM..TO (e.g. 2023-10..2024-09, 2025-01-10..2025-02-20)"},
    // Errors
    {Msg::error, "错误：{0}", "error: {0}"},
    {Msg::usage_error, "用法错误：{0}", "usage error: {0}"},
    {Msg::see_help, "用 {0} --help 查看用法", "see {0} --help"},
    {Msg::no_such_command, "没有子命令“{0}”。", "there is no command '{0}'."},
    {Msg::no_such_option, "没有选项“{0}”。", "there is no option '{0}'."},
    {Msg::did_you_mean, "您是不是要输入 {0}？", "Did you mean {0}?"},
    {Msg::sentence_gap, "", " "},
    {Msg::or_word, " 或 ", " or "},
    {Msg::list_separator, "、", ", "},
    {Msg::command_required, "{0} 后面要写一个子命令：{1}", "{0} needs a command: {1}"},
    {Msg::option_required, "缺少必填选项 {0}（{1}）", "{0} is required ({1})"},
    {Msg::argument_required, "缺少参数 {0}（{1}）", "{0} is missing ({1})"},
    {Msg::value_missing, "{0} 后面缺少值", "{0} needs a value"},
    {Msg::value_count, "{0} 应有 {1} 个值，实际有 {2} 个", "{0} takes {1} values, got {2}"},
    {Msg::value_not_allowed, "{0}：不能是“{1}”，{2}", "{0}: '{1}' is not allowed, {2}"},
    {Msg::switch_takes_no_value, "{0} 是开关，不带值（这里写了“{1}”）",
     "{0} is a switch and takes no value (given '{1}')"},
    {Msg::unexpected_arguments, "多余的参数：{0}", "unexpected arguments: {0}"},
    {Msg::excludes, "{0} 与 {1} 不能同时使用", "{0} cannot be used together with {1}"},
    {Msg::needs, "{0} 须与 {1} 一起使用", "{0} needs {1}"},
    {Msg::unreadable_command_line, "无法理解命令行：{0}", "cannot read the command line: {0}"},
    // Prompts
    {Msg::prompt_question, "请输入 {0}（{1}）{2}：", "Enter {0} ({1}){2}: "},
    {Msg::prompt_hint, "［{0}］", " [{0}]"},
    {Msg::prompt_empty, "不能为空，请再输入一次（按 Ctrl+D 放弃）",
     "this cannot be empty; try again (Ctrl+D to give up)"},
    {Msg::prompt_ended, "没有输入 {0}", "no {0} was given"},
    // cfund completion
    {Msg::completion_command, "输出命令行补全脚本（bash 或 zsh），见 docs/guide.md",
     "print the shell completion script (bash or zsh), see docs/guide.md"},
    {Msg::completion_shell, "bash 或 zsh", "bash or zsh"},
    {Msg::completion_codes, "列出基金账套中的代码（补全脚本用）", "list the fund's codes (for the completion script)"},
    {Msg::completion_list, "列出全部命令与选项（测试用）", "list every command and option (for tests)"},
    {Msg::completion_shell_missing, "请写出 shell：bash 或 zsh", "name the shell: bash or zsh"},
};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < std::size(kCatalogue); ++i) {
    if (static_cast<std::size_t>(kCatalogue[i].id) != i) return false;
  }
  return std::size(kCatalogue) == static_cast<std::size_t>(Msg::count_);
}
static_assert(in_enum_order(), "kCatalogue must have one row per Msg, in the order of the enum");

}  // namespace

const char* text(Msg id, Lang lang) {
  const Row& row = kCatalogue[static_cast<std::size_t>(id)];
  return lang == Lang::en ? row.en : row.zh;
}

}  // namespace cfund::cli
