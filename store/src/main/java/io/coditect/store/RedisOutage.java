package io.coditect.store;

/**
 * Turns a jedis failure into the {@link StoreUnavailableException} callers map to 503. The
 * message names the operation and the failure's type and text; jedis never puts credentials
 * in its messages, and nothing here adds connection settings.
 */
final class RedisOutage {

    static StoreUnavailableException of(String operation, RuntimeException cause) {
        StringBuilder message = new StringBuilder("Redis unavailable during ").append(operation)
                .append(": ").append(cause.getClass().getSimpleName());
        if (cause.getMessage() != null) {
            message.append(": ").append(cause.getMessage());
        }
        Throwable root = rootOf(cause);
        if (root != cause && root.getMessage() != null) {
            message.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
        }
        return new StoreUnavailableException(message.toString(), cause);
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private RedisOutage() {
    }
}
